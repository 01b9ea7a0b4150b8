// The keyboard-wedge scanner, anywhere on the screen: a scanned shipment no. opens that shipment;
// a scan into the invoice field is left to its form (which registers on Enter, via 'scan');
// other scans outside a text field are pointed out. Typing by hand passes untouched.
import { useEffect } from 'react';
import { normalizeScan, isShipmentNo } from '../../domain/shipmentNo';
import { useLanguage } from '../../i18n';
import { useDialogs } from '../../stores/dialogs';
import { useStoreApis } from '../../stores/StoresContext';
import { beep } from './beep';
import { markScanned, SCAN_TARGET_ATTRIBUTE } from './scanMarks';
import { ScanTimer, type Scan } from './scanTimer';

function textField(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
    return target;
  return null;
}

/** Puts a field back as it was, through the native setter so React sees the change. */
function restore(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function useScanner(): void {
  const { grid } = useStoreApis();
  useEffect(() => {
    const timer = new ScanTimer();

    const handle = (scan: Scan, event: KeyboardEvent) => {
      const code = normalizeScan(scan.text);
      const field = textField(scan.target);
      const invoiceField = field?.hasAttribute(SCAN_TARGET_ATTRIBUTE) ?? false;
      if (isShipmentNo(code)) {
        // A packing slip: open it wherever the keys went, and undo what they typed there.
        event.preventDefault();
        event.stopPropagation();
        if (field && scan.before !== null && !invoiceField) restore(field, scan.before);
        useDialogs.getState().openInvoice(code, 'view', true);
        return;
      }
      if (field && invoiceField) {
        markScanned(field);
        return;
      }
      if (field) return; // e.g. an invoice no. scanned into the search box: a search, as typed
      event.preventDefault(); // the scan's Enter must not press whatever button has focus
      const t = useLanguage.getState().t;
      grid.getState().setNotice({ text: t('scan.notShipment', { code: code.slice(0, 40) }), tone: 'error' });
      beep('error');
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key === 'Shift') return; // scanners press Shift for capitals
      if (event.key.length === 1) {
        const field = textField(event.target);
        timer.key(event.key, event.timeStamp, event.target, field ? field.value : null);
        return;
      }
      if (event.key !== 'Enter') {
        timer.reset();
        return;
      }
      const scan = timer.enter(event.timeStamp);
      if (scan) handle(scan, event);
    };

    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [grid]);
}
