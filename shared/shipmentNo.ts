// Shipment numbers: a serial assigned by Shipdesk, printed on the packing slip as a barcode.
// Pure, shared by the core and the screen (a scan is routed in the screen, checked in the core).

const PREFIX = 'SD';
const DIGITS = 10;

export function formatShipmentNo(serial: number): string {
  return PREFIX + String(serial).padStart(DIGITS, '0');
}

/**
 * In a pool, a station mints numbers in its own range: its code (given at enrolment, 1..999) is the
 * first three digits, its own serial the last seven (docs/HUB.md "Shipment numbers"). A stand-alone
 * desk's numbers have code 000.
 */
export const MAX_STATION_CODE = 999;
export const SERIALS_PER_STATION = 10_000_000;

export function stationShipmentNo(stationCode: number, serial: number): string {
  return formatShipmentNo(stationCode * SERIALS_PER_STATION + serial);
}

/** The first and last number of a station's range (for a range query on shipment_no). */
export function stationRange(stationCode: number): { first: string; last: string } {
  return { first: stationShipmentNo(stationCode, 0), last: stationShipmentNo(stationCode, SERIALS_PER_STATION - 1) };
}

/** Scanner noise out: control characters, spaces, hyphens, full-width characters, lower case. */
export function normalizeShipmentNo(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .toUpperCase();
}

/** True when the text looks like one of our shipment numbers (used to route scans). */
export function isShipmentNo(text: string): boolean {
  return new RegExp(`^${PREFIX}\\d{${DIGITS}}$`).test(text);
}
