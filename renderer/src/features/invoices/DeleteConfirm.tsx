// Deleting an invoice asks first, says what will happen, and takes an optional reason.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ShipmentDetail } from '../../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { carrierName } from '../../i18n/carrierName';
import { useLanguage, useT } from '../../i18n';
import { FieldMessages } from './FieldMessages';
import { refusalOf, transportRefusal, type Refusal } from './formMessages';

interface Props {
  detail: ShipmentDetail;
  onDone(shipment: ShipmentDetail): void;
  onCancel(): void;
}

export function DeleteConfirm({ detail, onDone, onCancel }: Props) {
  const client = useClient();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const ids = useId();
  const keep = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // The safe choice has focus first: an Enter by habit keeps the invoice.
  useEffect(() => keep.current?.focus(), []);

  const remove = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setRefusal(null);
    try {
      const answer = await client.call('invoices.delete', {
        shipmentNo: detail.shipmentNo,
        via: 'manual',
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      if (answer.ok) onDone(answer.value);
      else setRefusal(refusalOf(answer.error, t));
    } catch (err) {
      setRefusal(transportRefusal(err, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="delete-confirm" onSubmit={(e) => void remove(e)} aria-labelledby={`${ids}-question`}>
      <p id={`${ids}-question`} className="delete-question">
        {t('invoice.deleteQuestion', {
          carrier: carrierName(detail.carrierId, language),
          number: detail.invoiceNo ?? '',
          shipmentNo: detail.shipmentNo,
        })}
      </p>
      <div className="field">
        <label htmlFor={`${ids}-reason`}>{t('invoice.reason')}</label>
        <input
          id={`${ids}-reason`}
          type="text"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {refusal && (
        <div role="alert">
          <FieldMessages
            id={`${ids}-error`}
            messages={[refusal.message]}
            detailLang={language === 'ko' ? 'en' : undefined}
          />
        </div>
      )}
      <div className="form-actions">
        <button ref={keep} type="button" className="button" onClick={onCancel}>
          {t('invoice.keep')}
        </button>
        <button type="submit" className="button button-danger" disabled={submitting} aria-busy={submitting}>
          {submitting ? t('invoice.deleting') : t('invoice.delete')}
        </button>
      </div>
    </form>
  );
}
