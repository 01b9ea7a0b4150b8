// Carrier + invoice number, for registering and for modifying. The carrier is preselected (the
// warehouse's default, or the last one used), the number is checked while typing, and one message
// at a time says what matters; Enter (or a scan) registers. A refusal keeps what was typed and puts
// the reason next to the field it concerns.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CarrierView, InvoiceChangeResult, ShipmentDetail } from '../../../../shared/api/contract';
import type { CarrierId } from '../../../../shared/carriers';
import { useClient } from '../../api/ClientContext';
import { carrierName } from '../../i18n/carrierName';
import { useLanguage, useT } from '../../i18n';
import { beep } from '../scanner/beep';
import { consumeScan, SCAN_TARGET_ATTRIBUTE } from '../scanner/scanMarks';
import { useStationSettings } from '../../stores/stationSettings';
import { decideCarrier, preselectedCarrier } from './carrierChoice';
import { FieldMessages } from './FieldMessages';
import { decisionMessage, panelState, refusalOf, transportRefusal, type Refusal, type Wording } from './formMessages';
import { lastCarrierFor, rememberCarrier } from './lastCarrier';
import { useCarrierCheck, validatorFor } from './useCarrierCheck';

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
  const settings = useStationSettings((s) => s.settings);
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const numberInput = useRef<HTMLInputElement>(null);
  const carrierSelect = useRef<HTMLSelectElement>(null);
  const [carriers, setCarriers] = useState<CarrierView[] | null>(null);
  /** The carrier chosen in the list by the operator (null: "none"); undefined until they do. */
  const [handChoice, setHandChoice] = useState<CarrierId | null | undefined>(undefined);
  const [invoiceNo, setInvoiceNo] = useState('');
  const [reason, setReason] = useState('');
  /** The normalised number whose warning the operator has been told about (a second Enter confirms). */
  const [armed, setArmed] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const enterPressed = useRef(false);
  const warnedOnButton = useRef(false);

  /** The carrier the form starts from: chosen by hand, else the registered one (modify), else preselected. */
  const baseFor = (list: readonly CarrierView[] | null): CarrierId | null => {
    if (handChoice !== undefined) return handChoice;
    if (mode === 'modify') return detail.carrierId;
    return list ? preselectedCarrier(settings, detail, list, lastCarrierFor(detail.region)) : null;
  };
  const byHand = handChoice !== undefined;
  const base = baseFor(carriers);
  const check = useCarrierCheck({ invoiceNo, base, byHand }, carriers);
  const wording: Wording = { t, carrierName: (c) => carrierName(c, language) };

  useEffect(() => {
    numberInput.current?.focus();
  }, []);

  // The carriers of the shipment's region; a scan that arrives before they do waits for them.
  const carriersReady = useRef<Promise<CarrierView[] | null>>(Promise.resolve(null));
  useEffect(() => {
    let current = true;
    carriersReady.current = client.call('carriers.list', { region: detail.region }).then(
      (answer) => {
        if (!answer.ok) {
          if (current) setRefusal(refusalOf(answer.error, t));
          return null;
        }
        if (current) setCarriers(answer.value);
        return answer.value;
      },
      (err: unknown) => {
        if (current) setRefusal(transportRefusal(err, t));
        return null;
      },
    );
    return () => {
      current = false;
    };
  }, [client, detail.region, t]);

  const shownCarrier = byHand
    ? handChoice
    : check.state === 'done'
      ? check.decision.carrier
      : check.state === 'checking' && check.last
        ? check.last.carrier
        : base;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scanned = consumeScan(numberInput.current);
    const byEnter = enterPressed.current || scanned; // a scan ends with its Enter, or with a suffix in its place
    enterPressed.current = false;
    // The field itself: a scan ended by its suffix submits before React has re-rendered with it.
    const typed = numberInput.current?.value ?? invoiceNo;
    if (submitting) return;
    const failed = (next: Refusal) => {
      setRefusal(next);
      if (scanned) beep('error');
      // After a scan the field keeps focus, selected, so the next scan replaces it.
      const target = next.field === 'carrier' && !scanned ? carrierSelect.current : numberInput.current;
      target?.focus();
      if (target === numberInput.current) numberInput.current?.select();
    };
    if (typed.trim() === '')
      return failed({ field: 'number', message: { kind: 'error', text: t('invoice.needNumber') } });
    setSubmitting(true);
    setRefusal(null);
    try {
      const list = carriers ?? (await carriersReady.current);
      if (!list) return; // the refusal to list them is already shown
      const decision =
        check.state === 'done' && check.input.invoiceNo === typed
          ? check.decision
          : await decideCarrier(validatorFor(client), {
              invoiceNo: typed,
              base: baseFor(list),
              byHand,
              carriers: list,
            });
      const said = decisionMessage(decision, typed, armed, wording);
      if (decision.carrier === null || said.blocks) return failed({ field: said.about, message: said.message });
      // A warning is confirmable: the button that says so, or a second Enter on the same number.
      const confirmed = armed === decision.result.normalized || (!byEnter && warnedOnButton.current);
      if (said.warns && !confirmed) {
        setArmed(decision.result.normalized);
        if (scanned) beep('error');
        return;
      }
      const input = {
        shipmentNo: detail.shipmentNo,
        carrierId: decision.carrier,
        invoiceNo: typed,
        via: scanned ? ('scan' as const) : ('manual' as const),
      };
      const answer =
        mode === 'register'
          ? await client.call('invoices.register', input)
          : await client.call('invoices.modify', { ...input, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      if (!answer.ok) return failed(refusalOf(answer.error, t, wording));
      if (settings?.rememberLastCarrier) rememberCarrier(detail.region, decision.carrier);
      if (scanned) beep('ok');
      onDone(answer.value, scanned);
    } catch (err) {
      failed(transportRefusal(err, t));
    } finally {
      setSubmitting(false);
    }
  };

  const panel = panelState(
    { mode, typed: invoiceNo, carriersLoaded: carriers !== null, check, refusal, armed },
    wording,
  );
  warnedOnButton.current = panel.button.warning;
  const detailLang = language === 'ko' ? 'en' : undefined;
  const messageId = id('message');
  const blockedWhy = panel.message ? messageId : id('number-hint');

  return (
    <form className="invoice-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={id('carrier')}>{t('invoice.carrier')}</label>
        <select
          id={id('carrier')}
          ref={carrierSelect}
          value={shownCarrier ?? ''}
          disabled={carriers === null}
          aria-invalid={panel.about === 'carrier' && panel.message?.kind === 'error'}
          aria-describedby={panel.about === 'carrier' ? messageId : undefined}
          onChange={(e) => {
            setHandChoice(carriers?.find((c) => c.id === e.target.value)?.id ?? null);
            if (refusal?.field === 'carrier') setRefusal(null);
          }}
        >
          <option value="">{carriers === null ? t('invoice.carriersLoading') : t('invoice.chooseCarrier')}</option>
          {carriers?.map((c) => (
            <option key={c.id} value={c.id}>
              {language === 'ko' ? c.nameKo : c.nameEn}
            </option>
          ))}
        </select>
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
          aria-invalid={panel.about === 'number' && panel.message?.kind === 'error'}
          aria-describedby={`${id('number-hint')} ${messageId}`}
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
      </div>
      <div role={panel.alert ? 'alert' : undefined} className="invoice-message">
        <FieldMessages id={messageId} messages={panel.message ? [panel.message] : []} detailLang={detailLang} />
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
          className={`button button-primary${panel.button.warning ? ' button-warning' : ''}`}
          aria-disabled={panel.button.blocked || submitting ? true : undefined}
          aria-describedby={panel.button.blocked ? blockedWhy : undefined}
          aria-busy={submitting}
        >
          {submitting ? (mode === 'register' ? t('invoice.registering') : t('invoice.saving')) : panel.button.label}
        </button>
      </div>
    </form>
  );
}
