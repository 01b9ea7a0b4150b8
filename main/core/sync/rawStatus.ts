// Raw carrier statuses to canonical tracking codes (docs/CARRIERS.md "Tracking statuses"). Data tables, not branches:
// the provider's status codes first, then the Korean text signals that carriers use instead of codes.
import type { TrackingCode } from '../../../shared/domain';

/** tracker.delivery's status codes. */
export const API_STATUS_CODES: Readonly<Record<string, TrackingCode>> = {
  UNKNOWN: 'UNKNOWN',
  INFORMATION_RECEIVED: 'INFO_RECEIVED',
  AT_PICKUP: 'AT_PICKUP',
  IN_TRANSIT: 'IN_TRANSIT',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  ATTEMPT_FAIL: 'ATTEMPT_FAIL',
  DELIVERED: 'DELIVERED',
  AVAILABLE_FOR_PICKUP: 'AVAILABLE_FOR_PICKUP',
  EXCEPTION: 'EXCEPTION',
};

export interface TextSignal {
  pattern: RegExp;
  code: TrackingCode;
  /** Only for these carriers (all when absent). */
  carriers?: readonly string[];
  /** Only when the provider's own code is one of these (any but DELIVERED when absent). */
  onlyWhen?: readonly TrackingCode[];
  why: string;
}

/**
 * Korean carriers rarely report failures as codes. First match wins, so the specific come first.
 * A DELIVERED code is re-read only by signals that name it: a delivery back to the sender is a return.
 */
export const TEXT_SIGNALS: readonly TextSignal[] = [
  { pattern: /(신청|접수)\s*취소/, code: 'CANCELLED', why: 'Korea Post: application or acceptance cancelled' },
  { pattern: /반송|반품/, code: 'RETURNED', onlyWhen: ['DELIVERED'], why: 'delivered back to the sender' },
  { pattern: /반송|반품/, code: 'RETURNING', why: 'returning to the sender' },
  { pattern: /취소/, code: 'CANCELLED', why: 'cancelled' },
  // "부재 시 ..." is an instruction on an out-for-delivery scan, not a failed attempt.
  { pattern: /미배달|미배송|부재(?!\s*시)/, code: 'ATTEMPT_FAIL', why: 'not delivered, recipient absent' },
  {
    pattern: /인수자\s*등록/,
    code: 'DELIVERED',
    carriers: ['kr.lotte'],
    why: 'Lotte 45 (recipient registered) implies delivered',
  },
];

export interface RawStatus {
  carrierId: string;
  statusCode: string | null;
  statusName: string | null;
  description: string | null;
}

export interface MappedStatus {
  code: TrackingCode;
  /** Where the code came from; 'unknown' means the provider's code is not in the table. */
  source: 'api' | 'text' | 'unknown';
}

function signalApplies(s: TextSignal, carrierId: string, apiCode: TrackingCode | undefined): boolean {
  if (s.carriers && !s.carriers.includes(carrierId)) return false;
  if (s.onlyWhen) return apiCode !== undefined && s.onlyWhen.includes(apiCode);
  return apiCode !== 'DELIVERED';
}

export function mapRawStatus(raw: RawStatus): MappedStatus {
  const code = raw.statusCode?.trim().toUpperCase() ?? '';
  const apiCode = code ? API_STATUS_CODES[code] : undefined;
  // The status name is the carrier's own word; the description is read only when the code says nothing.
  const texts = [raw.statusName ?? ''];
  if (!apiCode || apiCode === 'UNKNOWN') texts.push(raw.description ?? '');
  for (const signal of TEXT_SIGNALS) {
    if (!signalApplies(signal, raw.carrierId, apiCode)) continue;
    if (texts.some((t) => signal.pattern.test(t))) return { code: signal.code, source: 'text' };
  }
  if (apiCode) return { code: apiCode, source: 'api' };
  return { code: 'UNKNOWN', source: code ? 'unknown' : 'api' };
}
