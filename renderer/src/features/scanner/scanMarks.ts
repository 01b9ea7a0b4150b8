// The scanner hook marks the invoice field a scan ended in, so the form records via 'scan'.
// The mark lasts until the next key: a later Enter or click by hand is never taken for a scan.
let marked: Element | null = null;

/** The attribute that tells the scanner hook "scans typed here are invoice numbers: let Enter through". */
export const SCAN_TARGET_ATTRIBUTE = 'data-scan-target';
/** Keys typed into an element with this attribute are not scans (the Settings' scanner test field). */
export const SCAN_IGNORE_ATTRIBUTE = 'data-scan-ignore';

export function markScanned(element: Element): void {
  marked = element;
}

/** Every key the scanner hook sees clears the mark first. */
export function clearScanMark(): void {
  marked = null;
}

/** True once if the scan that just ended was typed into `element`. */
export function consumeScan(element: Element | null): boolean {
  const hit = marked !== null && element !== null && marked === element;
  marked = null;
  return hit;
}
