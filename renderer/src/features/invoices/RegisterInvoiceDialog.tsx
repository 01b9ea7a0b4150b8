// Register invoice: carrier + tracking number for one shipment awaiting an invoice.
// Live check while typing; Register asks the core, which has the final word. On a refusal the dialog
// keeps what was typed and puts the reason next to the field it concerns.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CarrierView, InvoiceChangeResult, ShipmentRow } from '../../../../shared/contract';
import { CARRIER_IDS, type CarrierId } from '../../../../shared/carriers';
import type { Region } from '../../../../shared/domain';
import type { RpcError } from '../../../../shared/errors';
import { useClient } from '../../api/ClientContext';
import { Dialog } from '../../components/Dialog';
import { errorHeadline, useLanguage, useT, type Translate } from '../../i18n';
import { FieldMessages, type FieldMessage } from './FieldMessages';
import { useNumberCheck, type NumberCheck } from './useNumberCheck';

interface Props {
  row: ShipmentRow;
  onClose(): void;
  onRegistered(result: InvoiceChangeResult): void | Promise<void>;
}

type Refusal = { field: 'carrier' | 'number' | 'form'; message: FieldMessage };

/** The last carrier used per region this session: a packing station ships most parcels with one. */
const lastCarrier = new Map<Region, CarrierId>();

function isCarrierId(value: string): value is CarrierId {
  return (CARRIER_IDS as readonly string[]).includes(value);
}

function refusalOf(error: RpcError, t: Translate): Refusal {
  const message: FieldMessage = { kind: 'error', text: errorHeadline(t, error.code), detail: error.message };
  if (error.code === 'CARRIER_NOT_FOR_REGION' || error.code === 'UNKNOWN_CARRIER') return { field: 'carrier', message };
  if (error.code === 'NOT_FOUND' || error.code === 'INVALID_STATE') return { field: 'form', message };
  return { field: 'number', message };
}

function liveMessages(check: NumberCheck, invoiceNo: string, t: Translate): FieldMessage[] {
  if (check.state === 'checking') return [{ kind: 'info', text: t('invoice.checking') }];
  if (check.state !== 'done') return [];
  const { result } = check;
  const out: FieldMessage[] = [];
  if (!result.valid) out.push({ kind: 'error', text: t('invoice.invalid'), detail: result.errors.join(' ') || undefined });
  for (const w of result.warnings) out.push({ kind: 'warning', text: t('invoice.warning', { text: w }) });
  if (result.valid) {
    const squashed = invoiceNo.trim();
    out.push({ kind: 'ok', text: result.normalized !== squashed ? t('invoice.savedAs', { number: result.normalized }) : t('invoice.looksValid') });
  }
  return out;
}

export function RegisterInvoiceDialog({ row, onClose, onRegistered }: Props) {
  const client = useClient();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const ids = useId();
  const numberInput = useRef<HTMLInputElement>(null);
  const carrierSelect = useRef<HTMLSelectElement>(null);
  const [carriers, setCarriers] = useState<CarrierView[] | null>(null);
  const [carrierId, setCarrierId] = useState<CarrierId | null>(lastCarrier.get(row.region) ?? null);
  const [invoiceNo, setInvoiceNo] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const check = useNumberCheck(carrierId, invoiceNo);

  useEffect(() => {
    let current = true;
    client.call('carriers.list', { region: row.region }).then(
      (answer) => {
        if (!current) return;
        if (!answer.ok) {
          setRefusal(refusalOf(answer.error, t));
          return;
        }
        setCarriers(answer.value);
        setCarrierId((chosen) => (chosen && answer.value.some((c) => c.id === chosen) ? chosen : answer.value[0]?.id ?? null));
      },
      (err: unknown) => {
        if (current) setRefusal({ field: 'form', message: { kind: 'error', text: t('invoice.transportFailed'), detail: err instanceof Error ? err.message : undefined } });
      },
    );
    return () => {
      current = false;
    };
  }, [client, row.region, t]);

  const register = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting || carrierId === null) return;
    setSubmitting(true);
    setRefusal(null);
    try {
      const answer = await client.call('invoices.register', { shipmentNo: row.shipmentNo, carrierId, invoiceNo, via: 'manual' });
      if (answer.ok) {
        lastCarrier.set(row.region, carrierId);
        await onRegistered(answer.value);
        return;
      }
      const next = refusalOf(answer.error, t);
      setRefusal(next);
      (next.field === 'carrier' ? carrierSelect.current : numberInput.current)?.focus();
    } catch (err) {
      setRefusal({ field: 'form', message: { kind: 'error', text: t('invoice.transportFailed'), detail: err instanceof Error ? err.message : undefined } });
    } finally {
      setSubmitting(false);
    }
  };

  const detailLang = language === 'ko' ? 'en' : undefined;
  const numberMessages = refusal?.field === 'number' ? [refusal.message] : liveMessages(check, invoiceNo, t);
  const numberInvalid = numberMessages.some((m) => m.kind === 'error');
  const carrierMessages = refusal?.field === 'carrier' ? [refusal.message] : [];
  const id = (name: string) => `${ids}-${name}`;

  return (
    <Dialog titleId={id('title')} title={t('invoice.dialogTitle')} descriptionId={id('about')} onClose={onClose} initialFocus={numberInput}>
      <p id={id('about')} className="dialog-about">
        {t('invoice.shipment', { shipmentNo: row.shipmentNo, recipient: row.recipientName })}
      </p>
      <form className="invoice-form" onSubmit={(e) => void register(e)} noValidate>
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
              if (isCarrierId(e.target.value)) setCarrierId(e.target.value);
              if (refusal?.field === 'carrier') setRefusal(null);
            }}
          >
            {carriers === null && <option value="">{t('invoice.carriersLoading')}</option>}
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
            className="mono"
            type="text"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={invoiceNo}
            aria-invalid={numberInvalid}
            aria-describedby={`${id('number-hint')} ${id('number-messages')}`}
            onChange={(e) => {
              setInvoiceNo(e.target.value);
              if (refusal?.field === 'number') setRefusal(null);
            }}
          />
          <p id={id('number-hint')} className="field-hint">
            {t('invoice.numberHint')}
          </p>
          <FieldMessages id={id('number-messages')} messages={numberMessages} detailLang={detailLang} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('invoice.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={submitting || carrierId === null} aria-busy={submitting}>
            {submitting ? t('invoice.submitting') : t('invoice.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
