// One line's values read by the field rules: quantity, claim, channel. Each answers a value or the
// line's problem in words.
import type { OrderRowCode } from '../../../shared/api/contract';
import { channelOfName, CHANNELS, type ChannelId } from '../../../shared/channels';
import type { ClaimType } from '../../../shared/domain';
import { headerKey } from '../sheets/headers';

export type Problem = { code: OrderRowCode; message: string };
export type Read<T> = { ok: true; value: T } | ({ ok: false } & Problem);

const fail = (code: OrderRowCode, message: string): { ok: false } & Problem => ({ ok: false, code, message });

export function readQuantity(text: string): Read<number> {
  const t = text.replace(/,/g, '').trim();
  if (!t) return fail('MISSING_VALUE', 'The quantity is missing. Fill in how many pieces the line has.');
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 100_000) {
    return fail('INVALID_QUANTITY', `The quantity "${text.slice(0, 20)}" is not a whole number of pieces (1 or more).`);
  }
  return { ok: true, value: Number(t) };
}

const CLAIM_WORDS: Record<string, ClaimType> = {};
for (const w of ['', 'general', 'normal', '일반', '정상', '일반주문', '주문']) CLAIM_WORDS[headerKey(w)] = 'general';
for (const w of ['exchange', '교환', '교환주문', '교환출고', 'claim', '클레임']) CLAIM_WORDS[headerKey(w)] = 'exchange';

export function readClaim(text: string): Read<ClaimType> {
  const claim = CLAIM_WORDS[headerKey(text)];
  if (claim) return { ok: true, value: claim };
  return fail('UNKNOWN_CLAIM', `The claim "${text.slice(0, 30)}" is neither 일반/general nor 교환/exchange.`);
}

export function readChannel(text: string, fallback: ChannelId): Read<ChannelId> {
  if (!text.trim()) return { ok: true, value: fallback };
  const channel = channelOfName(text);
  if (channel) return { ok: true, value: channel };
  return fail(
    'UNKNOWN_CHANNEL',
    `The channel "${text.slice(0, 30)}" is not one Shipdesk knows. Use one of: ${CHANNELS.map((c) => c.nameKo).join(', ')}.`,
  );
}
