// Carrier names and codes per channel, in ONE table: the name a channel's seller center expects in
// its upload file, and the code its API takes. Only what is known from the channels' own
// documentation or from several independent tools is written here (docs/ORDERS.md gives the
// confidence of each); every other carrier takes its channel's fallback route below, and the export
// says so, instead of a guessed spelling.
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import type { ChannelId } from '../../../shared/channels';

export interface ChannelCarrier {
  channel: ChannelId;
  carrierId: CarrierId;
  /** The name as the channel's upload file wants it; absent when not confirmed. */
  name?: string;
  /** The channel's API code. */
  code?: string;
}

export const CHANNEL_CARRIERS: readonly ChannelCarrier[] = [
  // Naver: the seller center's name for CJ (its upload instructions' example); API codes from its API docs.
  { channel: 'naver', carrierId: 'kr.cjlogistics', name: 'CJ대한통운', code: 'CJGLS' },
  { channel: 'naver', carrierId: 'kr.lotte', code: 'HYUNDAI' },
  { channel: 'naver', carrierId: 'kr.hanjin', code: 'HANJIN' },
  { channel: 'naver', carrierId: 'kr.logen', code: 'KGB' },
  { channel: 'naver', carrierId: 'kr.epost', code: 'EPOST' },
  // Coupang: CJ's name as upload tools write it; API codes from its developer docs.
  { channel: 'coupang', carrierId: 'kr.cjlogistics', name: 'CJ대한통운', code: 'CJGLS' },
  { channel: 'coupang', carrierId: 'kr.lotte', code: 'HYUNDAI' },
  { channel: 'coupang', carrierId: 'kr.logen', code: 'KGB' },
  { channel: 'coupang', carrierId: 'kr.epost', code: 'EPOST' },
  { channel: 'coupang', carrierId: 'kr.hanjin', code: 'HANJIN' },
  { channel: 'coupang', carrierId: 'kr.kdexp', code: 'KDEXP' },
  { channel: 'coupang', carrierId: 'kr.daesin', code: 'DAESIN' },
  { channel: 'coupang', carrierId: 'kr.ilyanglogis', code: 'ILYANG' },
  { channel: 'coupang', carrierId: 'kr.chunilps', code: 'CHUNIL' },
  // Amazon: carrier-code values from its Shipping Confirmation template's list.
  { channel: 'amazon', carrierId: 'us.usps', name: 'USPS', code: 'USPS' },
  { channel: 'amazon', carrierId: 'us.ups', name: 'UPS', code: 'UPS' },
  { channel: 'amazon', carrierId: 'us.fedex', name: 'FedEx', code: 'FedEx' },
  { channel: 'amazon', carrierId: 'de.dhl', name: 'DHL', code: 'DHL' },
  // 11st: delivery-company codes of its API.
  { channel: '11st', carrierId: 'kr.logen', code: '00002' },
  { channel: '11st', carrierId: 'kr.hanjin', code: '00011' },
  { channel: '11st', carrierId: 'kr.lotte', code: '00012' },
  { channel: '11st', carrierId: 'kr.cjlogistics', code: '00034' },
];

export type CarrierRoute =
  /** The channel's own name for the carrier. */
  | { kind: 'listed'; name: string }
  /** No confirmed name: ours is written, and the export warns. */
  | { kind: 'unconfirmed'; name: string }
  /** The channel's way for carriers not on its list (Amazon "Other" + carrier-name, Naver 해외기타택배#name). */
  | { kind: 'other'; name: string; code: string };

export function channelCarrier(channel: ChannelId, carrierId: string): ChannelCarrier | undefined {
  return CHANNEL_CARRIERS.find((c) => c.channel === channel && c.carrierId === carrierId);
}

/** A channel's way for carriers without a listed name; code may hold {name}. */
interface Fallback {
  kind: 'unconfirmed' | 'other';
  lang: 'ko' | 'en';
  code?: string;
}

const FALLBACKS: Partial<Record<ChannelId, { domestic: Fallback; international: Fallback }>> = {
  // Naver's upload instructions: a foreign carrier not on its list is written 해외기타택배#name.
  naver: {
    domestic: { kind: 'unconfirmed', lang: 'ko' },
    international: { kind: 'other', lang: 'en', code: '해외기타택배#{name}' },
  },
  coupang: { domestic: { kind: 'unconfirmed', lang: 'ko' }, international: { kind: 'unconfirmed', lang: 'en' } },
  // Amazon: carrier-code Other with the carrier's name in carrier-name.
  amazon: {
    domestic: { kind: 'other', lang: 'en', code: 'Other' },
    international: { kind: 'other', lang: 'en', code: 'Other' },
  },
  shopify: { domestic: { kind: 'unconfirmed', lang: 'en' }, international: { kind: 'unconfirmed', lang: 'en' } },
  ebay: { domestic: { kind: 'unconfirmed', lang: 'en' }, international: { kind: 'unconfirmed', lang: 'en' } },
};

/** How a carrier is written in a channel's upload file (our generic layout: our Korean name). */
export function carrierRoute(channel: ChannelId, carrierId: string): CarrierRoute {
  const carrier = findCarrier(carrierId);
  const listed = channelCarrier(channel, carrierId)?.name;
  if (listed) return { kind: 'listed', name: listed };
  const fallback = FALLBACKS[channel]?.[carrier?.region ?? 'domestic'];
  const name = (fallback?.lang === 'en' ? carrier?.nameEn : carrier?.nameKo) ?? carrierId;
  if (!fallback) return { kind: 'listed', name };
  if (fallback.kind === 'other')
    return { kind: 'other', name, code: (fallback.code ?? 'Other').replace('{name}', name) };
  return { kind: 'unconfirmed', name };
}
