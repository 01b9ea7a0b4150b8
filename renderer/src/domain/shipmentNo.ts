// Shipment numbers as printed on the packing slip (SD + 10 digits), and scanner noise removal.
// Mirrors main/core/domain/shipmentNo.ts, which the renderer may not import; the core has the final word.

/** Control characters (scanner prefixes/suffixes), spaces, hyphens and full-width forms out; upper case. */
export function normalizeScan(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .toUpperCase();
}

export function isShipmentNo(text: string): boolean {
  return /^SD\d{10}$/.test(text);
}

/** Search text as the operator meant it: control characters dropped, trimmed, bounded. */
export function cleanSearchText(raw: string, max: number): string {
  return raw.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, max);
}
