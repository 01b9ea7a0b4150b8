// Shipment numbers: a serial assigned by Shipdesk, printed on the packing slip as a barcode.
// Pure, shared by the core and the screen (a scan is routed in the screen, checked in the core).

const PREFIX = 'SD';
const DIGITS = 10;

export function formatShipmentNo(serial: number): string {
  return PREFIX + String(serial).padStart(DIGITS, '0');
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
