// The keyboard-wedge scanner, anywhere on the screen: a scanned shipment no. opens that shipment;
// a scan into the invoice field is left to its form (which registers it, via 'scan'); other scans
// outside a text field are pointed out. Typing by hand passes untouched.
// A scan is known by the prefix/suffix set in Settings when there is one (ScanFrame), else by its
// pace, measured from the key events' own timestamps (ScanTimer), not from when a handler runs.
import { useEffect } from 'react';
import { normalizeScan, isShipmentNo } from '../../domain/shipmentNo';
import { useLanguage } from '../../i18n';
import { useDialogs } from '../../stores/dialogs';
import { useStoreApis } from '../../stores/StoresContext';
import { useStationSettings } from '../../stores/stationSettings';
import { beep } from './beep';
import { ScanFrame } from './scanFrame';
import { MODIFIER_KEYS, scannedChar } from './scanKeys';
import { clearScanMark, markScanned, SCAN_IGNORE_ATTRIBUTE, SCAN_TARGET_ATTRIBUTE } from './scanMarks';
import { ScanTimer, type Scan } from './scanTimer';

type TextField = HTMLInputElement | HTMLTextAreaElement;

function textField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
    return target;
  return null;
}

/** Puts a value into a field through the native setter, so React sees the change. */
function setValue(field: TextField, value: string): void {
  if (field.value === value) return;
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

interface Ending {
  /** On its Enter (which then goes on to the page), or on its suffix (no Enter yet). */
  on: 'enter' | 'suffix';
  /** Told by the prefix/suffix, which the scanner typed into the field too. */
  framed: boolean;
}

export function useScanner(): void {
  const { grid } = useStoreApis();
  useEffect(() => {
    const timer = new ScanTimer();
    const frame = new ScanFrame();

    const handle = (scan: Scan, ending: Ending, event: KeyboardEvent) => {
      const code = normalizeScan(scan.text);
      const field = textField(scan.target);
      const invoiceField = field?.hasAttribute(SCAN_TARGET_ATTRIBUTE) ?? false;
      if (isShipmentNo(code)) {
        // A packing slip: open it wherever the keys went, and undo what they typed there.
        event.preventDefault();
        event.stopPropagation();
        if (field && scan.before !== null && !invoiceField) setValue(field, scan.before);
        useDialogs.getState().openInvoice(code, 'view', true);
        return;
      }
      if (field && invoiceField) {
        setValue(field, scan.text); // without the prefix/suffix the scanner typed around it
        markScanned(field);
        // Ended on Enter: the Enter submits the form. Ended on the suffix: submit as the Enter would.
        if (ending.on === 'suffix') field.form?.requestSubmit();
        return;
      }
      if (field) {
        // e.g. an invoice no. scanned into the search box: a search, as typed (without the prefix/suffix)
        if (ending.framed && scan.before !== null) setValue(field, scan.before + scan.text);
        return;
      }
      event.preventDefault(); // the scan's Enter must not press whatever button has focus
      const t = useLanguage.getState().t;
      grid.getState().setNotice({ text: t('scan.notShipment', { code: code.slice(0, 40) }), tone: 'error' });
      beep('error');
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || MODIFIER_KEYS.has(event.key)) return;
      if (event.target instanceof Element && event.target.closest(`[${SCAN_IGNORE_ATTRIBUTE}]`)) return;
      clearScanMark();
      const settings = useStationSettings.getState().settings;
      frame.configure({ prefix: settings?.scannerPrefix ?? '', suffix: settings?.scannerSuffix ?? '' });
      const at = event.timeStamp;
      const ch = scannedChar(event);
      if (ch !== null) {
        const field = textField(event.target);
        const step = frame.key(ch, at, event.target, field ? field.value : null);
        if (step.kind !== 'pass' && (step.kind === 'swallow' || step.swallow)) event.preventDefault();
        if (step.kind === 'scan') {
          timer.reset();
          handle(step.scan, { on: 'suffix', framed: true }, event);
        } else if (event.ctrlKey)
          timer.reset(); // a shortcut, not typing
        else timer.key(ch, at, event.target, field ? field.value : null);
        return;
      }
      if (event.key !== 'Enter') {
        timer.reset();
        frame.reset();
        return;
      }
      const step = frame.enter(at);
      if (step.kind === 'swallow') {
        event.preventDefault();
        event.stopPropagation();
        timer.reset();
        return;
      }
      const scan = step.kind === 'scan' ? step.scan : timer.enter(at);
      timer.reset();
      if (scan) handle(scan, { on: 'enter', framed: step.kind === 'scan' }, event);
    };

    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [grid]);
}
