// Scanner noise removal and the shipment-number pattern come from shared/, as the core uses them.
export { normalizeShipmentNo as normalizeScan, isShipmentNo } from '../../../shared/shipmentNo';

/** Search text as the operator meant it: control characters dropped, trimmed, bounded. */
export function cleanSearchText(raw: string, max: number): string {
  return raw
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, max);
}
