// Carrier names as people type them in spreadsheets, to carrier ids. The template's drop-down
// offers one label per carrier; ids, Korean and English names and a few common short names work too.
import { CARRIERS, type CarrierId, type CarrierInfo } from '../../../shared/carriers';
import { headerKey } from './headers';

/** Names desks commonly write for a carrier besides its registry names. Data, not logic. */
const ALIASES: Partial<Record<CarrierId, string[]>> = {
  'kr.cjlogistics': ['CJ', 'CJ택배', '대한통운', 'CJ GLS'],
  'kr.hanjin': ['한진'],
  'kr.lotte': ['롯데', '롯데글로벌로지스', '현대택배'],
  'kr.epost': ['우체국', 'Korea Post', 'ePost'],
  'kr.logen': ['로젠'],
  'kr.kdexp': ['경동'],
  'kr.cupost': ['CU', 'CU택배', 'CU편의점택배'],
  'kr.cvsnet': ['GS Postbox', 'GS편의점택배', 'CVSnet'],
  'kr.epost.ems': ['K-Packet', 'K Packet', '우체국 EMS', 'K패킷'],
};

/** The label the template's drop-down offers: Korean name, with the English one when it differs. */
export function carrierLabel(c: CarrierInfo): string {
  return headerKey(c.nameKo) === headerKey(c.nameEn) ? c.nameKo : `${c.nameKo} (${c.nameEn})`;
}

const BY_KEY = new Map<string, CarrierId>();
for (const c of CARRIERS) {
  for (const name of [c.id, c.nameKo, c.nameEn, carrierLabel(c), ...(ALIASES[c.id] ?? [])]) {
    const key = headerKey(name);
    // First writer wins: registry names before aliases, in registry order.
    if (key && !BY_KEY.has(key)) BY_KEY.set(key, c.id);
  }
}

export function carrierFromText(text: string): CarrierId | undefined {
  return BY_KEY.get(headerKey(text));
}
