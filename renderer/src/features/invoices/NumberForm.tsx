// Carrier + invoice number, for registering and for modifying. Live check while typing (error vs
// confirmable warning), the auto-detected carrier preselected when only one fits, Enter submits.
// A refusal keeps what was typed and puts the reason next to the field it concerns.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CarrierView, InvoiceChangeResult, ShipmentDetail, ValidationResult } from '../../../../shared/contract';
import type { CarrierId } from '../../../../shared/carriers';
import { useClient } from '../../api/ClientContext';
import { carrierName } from '../../domain/rows';
import { useLanguage, useT } from '../../i18n';
import { beep } from '../scanner/beep';
import { consumeScan, SCAN_TARGET_ATTRIBUTE } from '../scanner/scanMarks';
import { detectedCarrier, regionCandidates } from './carrierChoice';
import { FieldMessages, type FieldMessage } from './FieldMessages';
import { lastCarrierFor, rememberCarrier } from './lastCarrier';
import { liveMessages, refusalOf, transportRefusal, type Refusal } from './formMessages';
import { useNumberCheck } from './useNumberCheck';

interface NumberFormProps {
  detail: ShipmentDetail;
  mode: 'register' | 'modify';
  onDone(result: InvoiceChangeResult, scanned: boolean): void;
  onCancel?(): void;
}

export function NumberForm({ detail, mode, onDone, onCancel }: NumberFormProps) {
  const client = useClient();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const numberInput = useRef<HTMLInputElement>(null);
  const carrierSelect = useRef<HTMLSelectElement>(null);
  const [carriers, setCarriers] = useState<CarrierView[] | null>(null);
  const [carrierId, setCarrierId] = useState<CarrierId | null>(
    mode === 'modify' ? detail.carrierId : lastCarrierFor(detail.region),
  );
  const [byHand, setByHand] = useState(false);
  const [invoiceNo, setInvoiceNo] = useState('');
  const [reason, setReason] = useState('');
  /** The normalised number whose warning the operator has been told about (a second Enter confirms). */
  const [armed, setArmed] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const check = useNumberCheck(carrierId, invoiceNo);
  const enterPressed = useRef(false);
  const warnedOnButton = useRef(false);

  useEffect(() => {
    numberInput.current?.focus();
  }, []);

  useEffect(() => {
    let current = true;
    client.call('carriers.list', { region: detail.region }).then(
      (answer) => {
        if (!current) return;
        if (!answer.ok) return setRefusal(refusalOf(answer.error, t));
        setCarriers(answer.value);
        setCarrierId((chosen) => (chosen && answer.value.some((c) => c.id === chosen) ? chosen : null));
      },
      (err: unknown) => current && setRefusal(transportRefusal(err, t)),
    );
    return () => {
      current = false;
    };
  }, [client, detail.region, t]);

  // Auto-detect: exactly one carrier of this region fits the number -> preselect it.
  useEffect(() => {
    if (check.state !== 'done' || !carriers) return;
    const next = detectedCarrier(check.result, carriers, carrierId, byHand);
    if (next !== carrierId) setCarrierId(next);
  }, [check, carriers, carrierId, byHand]);

  /** The verdict for exactly what is typed, asking now if the live check has not answered yet (a scan's Enter). */
  const verdictNow = async (typed: string): Promise<{ carrier: CarrierId | null; result: ValidationResult }> => {
    if (check.state === 'done' && check.invoiceNo === typed) return { carrier: carrierId, result: check.result };
    let carrier = carrierId;
    let answer = await client.call(
      'carriers.validate',
      carrier ? { carrierId: carrier, invoiceNo: typed } : { invoiceNo: typed },
    );
    if (!answer.ok) throw new Error(answer.error.message);
    const detected = carriers ? detectedCarrier(answer.value, carriers, carrier, byHand) : carrier;
    if (detected && detected !== carrier) {
      carrier = detected;
      setCarrierId(detected);
      answer = await client.call('carriers.validate', { carrierId: detected, invoiceNo: typed });
      if (!answer.ok) throw new Error(answer.error.message);
    }
    return { carrier, result: answer.value };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scanned = consumeScan(numberInput.current);
    const byEnter = enterPressed.current || scanned; // a scan ends with its Enter, or with a suffix in place of it
    enterPressed.current = false;
    // The field itself: a scan ended by its suffix submits before React has re-rendered with it.
    const typed = numberInput.current?.value ?? invoiceNo;
    if (submitting) return;
    const failed = (next: Refusal) => {
      setRefusal(next);
      if (scanned) beep('error');
      const target = next.field === 'carrier' ? carrierSelect.current : numberInput.current;
      target?.focus();
      if (target === numberInput.current) numberInput.current?.select(); // the next scan replaces it
    };
    setSubmitting(true);
    setRefusal(null);
    try {
      const { carrier, result } = await verdictNow(typed);
      if (!carrier) return failed({ field: 'carrier', message: { kind: 'error', text: t('invoice.chooseCarrier') } });
      // A warning is confirmable: the button that says so, or a second Enter on the same number.
      const confirmed = armed === result.normalized || (!byEnter && warnedOnButton.current);
      if (result.valid && result.warnings.length > 0 && !confirmed) {
        setArmed(result.normalized);
        if (scanned) beep('error');
        return;
      }
      const input = {
        shipmentNo: detail.shipmentNo,
        carrierId: carrier,
        invoiceNo: typed,
        via: scanned ? ('scan' as const) : ('manual' as const),
      };
      const answer =
        mode === 'register'
          ? await client.call('invoices.register', input)
          : await client.call('invoices.modify', { ...input, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      if (!answer.ok) return failed(refusalOf(answer.error, t));
      rememberCarrier(detail.region, carrier);
      if (scanned) beep('ok');
      onDone(answer.value, scanned);
    } catch (err) {
      failed(transportRefusal(err, t));
    } finally {
      setSubmitting(false);
    }
  };

  const detailLang = language === 'ko' ? 'en' : undefined;
  const live: FieldMessage[] = refusal?.field === 'number' ? [refusal.message] : liveMessages(check, invoiceNo, t);
  if (refusal?.field !== 'number' && check.state === 'done' && carriers) {
    const fits = regionCandidates(check.result, carriers).filter((c) => c !== carrierId);
    // Lenient carriers accept almost any digits: name the first few, count the rest.
    const shown = fits.slice(0, 3).map((c) => carrierName(c, language));
    const names =
      fits.length > 3 ? t('invoice.andMore', { names: shown.join(', '), n: fits.length - 3 }) : shown.join(', ');
    if (!check.result.valid && fits.length)
      live.push({ kind: 'info', text: t('invoice.fitsOther', { carriers: names }) });
    else if (check.result.valid && !byHand && regionCandidates(check.result, carriers).length === 1 && carrierId)
      live.push({ kind: 'info', text: t('invoice.detected', { carrier: carrierName(carrierId, language) }) });
    else if (check.result.valid && fits.length)
      live.push({
        kind: 'info',
        text: t('invoice.fitsSeveral', {
          carriers: [carrierName(carrierId, language), names].filter(Boolean).join(', '),
        }),
      });
  }
  const warned = check.state === 'done' && check.result.valid && check.result.warnings.length > 0;
  if (warned && armed === (check.state === 'done' ? check.result.normalized : null))
    live.push({ kind: 'warning', text: t('invoice.needConfirm') });
  const numberInvalid = live.some((m) => m.kind === 'error');
  const carrierMessages = refusal?.field === 'carrier' ? [refusal.message] : [];
  const busyLabel = mode === 'register' ? t('invoice.registering') : t('invoice.saving');
  warnedOnButton.current = warned;
  const label = warned
    ? t('invoice.confirmWarning')
    : mode === 'register'
      ? t('invoice.register')
      : t('invoice.saveChanges');

  return (
    <form className="invoice-form" onSubmit={(e) => void submit(e)} noValidate>
      {refusal?.field === 'form' && (
        <div role="alert">
          <FieldMessages id={id('form-error')} messages={[refusal.message]} detailLang={detailLang} />
        </div>
      )}
      <div className="field">
        <label htmlFor={id('carrier')}>{t('invoice.carrier')}</label>
        <select
          id={id('carrier')}
          ref={carrierSelect}
          value={carrierId ?? ''}
          disabled={carriers === null}
          aria-invalid={carrierMessages.length > 0}
          aria-describedby={id('carrier-messages')}
          onChange={(e) => {
            const chosen = carriers?.find((c) => c.id === e.target.value);
            setCarrierId(chosen?.id ?? null);
            setByHand(true);
            if (refusal?.field === 'carrier') setRefusal(null);
          }}
        >
          {carriers === null ? (
            <option value="">{t('invoice.carriersLoading')}</option>
          ) : (
            <option value="">{t('invoice.chooseCarrier')}</option>
          )}
          {carriers?.map((c) => (
            <option key={c.id} value={c.id}>
              {language === 'ko' ? c.nameKo : c.nameEn}
            </option>
          ))}
        </select>
        <FieldMessages id={id('carrier-messages')} messages={carrierMessages} detailLang={detailLang} />
      </div>
      <div className="field">
        <label htmlFor={id('number')}>{t('invoice.number')}</label>
        <input
          id={id('number')}
          ref={numberInput}
          className="mono number-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={invoiceNo}
          {...{ [SCAN_TARGET_ATTRIBUTE]: 'invoice' }}
          aria-invalid={numberInvalid}
          aria-describedby={`${id('number-hint')} ${id('number-messages')}`}
          onKeyDown={(e) => {
            if (e.key === 'Enter') enterPressed.current = true;
          }}
          onChange={(e) => {
            setInvoiceNo(e.target.value);
            if (refusal) setRefusal(null);
          }}
        />
        <p id={id('number-hint')} className="field-hint">
          {t('invoice.numberHint')}
        </p>
        <div role={refusal?.field === 'number' ? 'alert' : undefined}>
          <FieldMessages id={id('number-messages')} messages={live} detailLang={detailLang} />
        </div>
      </div>
      {mode === 'modify' && (
        <div className="field">
          <label htmlFor={id('reason')}>{t('invoice.reason')}</label>
          <input
            id={id('reason')}
            type="text"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('invoice.cancel')}
          </button>
        )}
        <button
          type="submit"
          className={`button button-primary${warned ? ' button-warning' : ''}`}
          disabled={submitting || carriers === null}
          aria-busy={submitting}
        >
          {submitting ? busyLabel : label}
        </button>
      </div>
    </form>
  );
}
