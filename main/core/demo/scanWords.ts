// The carrier's own words for each kind of scan (Korean for domestic carriers), with the canonical
// code and the provider's raw code: what the demo's scans say, and what its statements look up.
import type { TrackingCode } from '../../../shared/domain';
import { FIRST_INTL_CARRIER } from './catalog';

interface ScanWords {
  code: TrackingCode;
  /** The provider's status code, as the tracking API reports it. */
  rawCode: string;
  text: string;
}

// Indexed by scan kind (K_INFO … K_RETURN in lifecycle.ts).
const DOMESTIC_WORDS: readonly ScanWords[] = [
  { code: 'INFO_RECEIVED', rawCode: 'INFORMATION_RECEIVED', text: '송장출력 (상품 인수 대기)' },
  { code: 'AT_PICKUP', rawCode: 'AT_PICKUP', text: '집화처리' },
  { code: 'IN_TRANSIT', rawCode: 'IN_TRANSIT', text: '간선상차' },
  { code: 'IN_TRANSIT', rawCode: 'IN_TRANSIT', text: '간선하차' },
  { code: 'OUT_FOR_DELIVERY', rawCode: 'OUT_FOR_DELIVERY', text: '배송출발' },
  { code: 'DELIVERED', rawCode: 'DELIVERED', text: '배송완료' },
  { code: 'ATTEMPT_FAIL', rawCode: 'ATTEMPT_FAIL', text: '미배달 (수취인 부재)' },
  { code: 'RETURNING', rawCode: 'EXCEPTION', text: '반송 처리 (수취 거절)' },
];

const INTL_WORDS: readonly ScanWords[] = [
  { code: 'INFO_RECEIVED', rawCode: 'INFORMATION_RECEIVED', text: 'Shipment information received' },
  { code: 'AT_PICKUP', rawCode: 'AT_PICKUP', text: 'Picked up' },
  { code: 'IN_TRANSIT', rawCode: 'IN_TRANSIT', text: 'Departed from origin facility' },
  { code: 'IN_TRANSIT', rawCode: 'IN_TRANSIT', text: 'Arrived at destination facility' },
  { code: 'OUT_FOR_DELIVERY', rawCode: 'OUT_FOR_DELIVERY', text: 'Out for delivery' },
  { code: 'DELIVERED', rawCode: 'DELIVERED', text: 'Delivered' },
  { code: 'ATTEMPT_FAIL', rawCode: 'ATTEMPT_FAIL', text: 'Delivery attempted - recipient not available' },
  { code: 'RETURNING', rawCode: 'EXCEPTION', text: 'Returning to shipper' },
];

export function scanWords(carrier: number): readonly ScanWords[] {
  return carrier >= FIRST_INTL_CARRIER ? INTL_WORDS : DOMESTIC_WORDS;
}
