// The carrier registry: ids are tracker.delivery's, so a number goes to that API without a lookup.
// Data, not code branches: carriers and their rules change (docs/CARRIERS.md).
import type { Region } from './domain';

export const CARRIER_IDS = [
  'kr.cjlogistics',
  'kr.hanjin',
  'kr.lotte',
  'kr.epost',
  'kr.logen',
  'kr.kdexp',
  'kr.cupost',
  'kr.cvsnet',
  'kr.daesin',
  'kr.ilyanglogis',
  'kr.chunilps',
  'kr.kunyoung',
  'kr.coupangls',
  'kr.epost.ems',
  'un.upu.ems',
  'us.ups',
  'us.fedex',
  'us.usps',
  'de.dhl',
  'kr.lotte.global',
  'jp.yamato',
  'jp.sagawa',
  'cn.cainiao.global',
] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

export interface CarrierInfo {
  id: CarrierId;
  nameKo: string;
  nameEn: string;
  region: Region;
  /** The carrier whose tracking API answers for this one (CU parcels are tracked as CJ). */
  trackedAs?: CarrierId;
}

export const CARRIERS: readonly CarrierInfo[] = [
  { id: 'kr.cjlogistics', nameKo: 'CJ대한통운', nameEn: 'CJ Logistics', region: 'domestic' },
  { id: 'kr.hanjin', nameKo: '한진택배', nameEn: 'Hanjin', region: 'domestic' },
  { id: 'kr.lotte', nameKo: '롯데택배', nameEn: 'Lotte', region: 'domestic' },
  { id: 'kr.epost', nameKo: '우체국택배', nameEn: 'Korea Post', region: 'domestic' },
  { id: 'kr.logen', nameKo: '로젠택배', nameEn: 'Logen', region: 'domestic' },
  { id: 'kr.kdexp', nameKo: '경동택배', nameEn: 'Kyungdong', region: 'domestic' },
  { id: 'kr.cupost', nameKo: 'CU 편의점택배', nameEn: 'CU Post', region: 'domestic', trackedAs: 'kr.cjlogistics' },
  { id: 'kr.cvsnet', nameKo: 'GS Postbox 편의점택배', nameEn: 'GS Postbox', region: 'domestic' },
  { id: 'kr.daesin', nameKo: '대신택배', nameEn: 'Daesin', region: 'domestic' },
  { id: 'kr.ilyanglogis', nameKo: '일양로지스', nameEn: 'Ilyang Logis', region: 'domestic' },
  { id: 'kr.chunilps', nameKo: '천일택배', nameEn: 'Chunil', region: 'domestic' },
  { id: 'kr.kunyoung', nameKo: '건영택배', nameEn: 'Kunyoung', region: 'domestic' },
  { id: 'kr.coupangls', nameKo: '쿠팡 로지스틱스', nameEn: 'Coupang Logistics', region: 'domestic' },
  { id: 'kr.epost.ems', nameKo: '우체국 EMS / K-Packet', nameEn: 'Korea Post EMS / K-Packet', region: 'international' },
  { id: 'un.upu.ems', nameKo: 'EMS', nameEn: 'EMS', region: 'international' },
  { id: 'us.ups', nameKo: 'UPS', nameEn: 'UPS', region: 'international' },
  { id: 'us.fedex', nameKo: 'FedEx', nameEn: 'FedEx', region: 'international' },
  { id: 'us.usps', nameKo: 'USPS', nameEn: 'USPS', region: 'international' },
  { id: 'de.dhl', nameKo: 'DHL Express', nameEn: 'DHL Express', region: 'international' },
  { id: 'kr.lotte.global', nameKo: '롯데 글로벌', nameEn: 'Lotte Global', region: 'international' },
  { id: 'jp.yamato', nameKo: '야마토', nameEn: 'Yamato', region: 'international' },
  { id: 'jp.sagawa', nameKo: '사가와', nameEn: 'Sagawa', region: 'international' },
  { id: 'cn.cainiao.global', nameKo: '차이냐오', nameEn: 'Cainiao', region: 'international' },
];

const byId = new Map<string, CarrierInfo>(CARRIERS.map((c) => [c.id, c]));

export function findCarrier(id: string): CarrierInfo | undefined {
  return byId.get(id);
}
