// The scanner hook marks the invoice field an Enter came from a scan, so the form records via 'scan'.
let mark: { element: Element; at: number } | null = null;

/** The attribute that tells the scanner hook "scans typed here are invoice numbers: let Enter through". */
export const SCAN_TARGET_ATTRIBUTE = 'data-scan-target';

export function markScanned(element: Element): void {
  mark = { element, at: performance.now() };
}

/** True once if the last Enter in `element` ended a scan. */
export function consumeScan(element: Element | null): boolean {
  const hit = mark !== null && element !== null && mark.element === element && performance.now() - mark.at < 2000;
  mark = null;
  return hit;
}
