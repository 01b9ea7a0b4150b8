// The right side of the invoice dialog: register a number, or show the registered one with Modify
// and Delete (disabled, with the reason, when the core says they are closed: the detail's `allowed`,
// main/core/services/shipmentActions.ts). Modify and delete open here.
import { useState } from 'react';
import type { InvoiceChangeResult, ShipmentDetail } from '../../../../shared/api/contract';
import { Icon } from '../../components/Icon';
import { useLanguage, useT } from '../../i18n';
import { carrierName } from '../../i18n/carrierName';
import { lockText } from '../../i18n/lockText';
import { formatDateTime } from '../../i18n/format';
import type { InvoiceMode } from '../../stores/dialogs';
import { DeleteConfirm } from './DeleteConfirm';
import { NumberForm } from './NumberForm';

interface Props {
  detail: ShipmentDetail;
  initialMode: InvoiceMode;
  onChanged(result: InvoiceChangeResult, action: 'registered' | 'modified', scanned: boolean): void;
  onDeleted(shipment: ShipmentDetail): void;
}

export function InvoicePanel({ detail, initialMode, onChanged, onDeleted }: Props) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const [step, setStep] = useState<InvoiceMode>(initialMode);
  const modifyLock = lockText(t, detail.allowed.why.modify);
  const deleteLock = lockText(t, detail.allowed.why.delete);
  // One note under the buttons; modify and delete close for the same reason today, but each says its own.
  const lockNote = [...new Set([modifyLock, deleteLock].filter((w) => w !== null))].join(' ') || null;
  const chosenIsClosed = (step === 'modify' && modifyLock) || (step === 'delete' && deleteLock);
  const inv = detail.invoice;

  if (detail.allowed.register) {
    return (
      <section className="invoice-panel" aria-labelledby="invoice-panel-title">
        <h3 id="invoice-panel-title" className="section-title">
          {t('invoice.invoiceSection')}
        </h3>
        <NumberForm detail={detail} mode="register" onDone={(r, scanned) => onChanged(r, 'registered', scanned)} />
      </section>
    );
  }

  return (
    <section className="invoice-panel" aria-labelledby="invoice-panel-title">
      <h3 id="invoice-panel-title" className="section-title">
        {t('invoice.invoiceSection')}
      </h3>
      {inv ? (
        <div className="current-invoice">
          <p className="current-invoice-title">{t('invoice.current')}</p>
          <p className="current-invoice-number">
            <span>{carrierName(inv.carrierId, language)}</span> <span className="mono">{inv.invoiceNo}</span>
          </p>
          <p className="muted">
            {t('invoice.registeredBy', {
              operator: inv.registeredBy,
              via: t(`via.${inv.via}`),
              time: formatDateTime(inv.registeredAt, language),
            })}
          </p>
        </div>
      ) : (
        <p className="muted">{t('invoice.none')}</p>
      )}
      {step === 'modify' && !modifyLock && (
        <NumberForm
          detail={detail}
          mode="modify"
          onDone={(r, scanned) => onChanged(r, 'modified', scanned)}
          onCancel={() => setStep('view')}
        />
      )}
      {step === 'delete' && !deleteLock && (
        <DeleteConfirm detail={detail} onDone={onDeleted} onCancel={() => setStep('view')} />
      )}
      {(step === 'view' || chosenIsClosed) && inv && (
        <>
          <div className="form-actions form-actions-start">
            <button
              type="button"
              className="button"
              aria-disabled={modifyLock ? true : undefined}
              aria-describedby={modifyLock ? 'invoice-lock-reason' : undefined}
              onClick={() => !modifyLock && setStep('modify')}
            >
              <Icon name="pencil" size={14} /> {t('invoice.modify')}
            </button>
            <button
              type="button"
              className="button button-danger-outline"
              aria-disabled={deleteLock ? true : undefined}
              aria-describedby={deleteLock ? 'invoice-lock-reason' : undefined}
              onClick={() => !deleteLock && setStep('delete')}
            >
              <Icon name="trash" size={14} /> {t('invoice.delete')}
            </button>
          </div>
          {lockNote && (
            <p id="invoice-lock-reason" className="field-note">
              <strong>{t('invoice.notAllowed')}:</strong> {lockNote}
            </p>
          )}
        </>
      )}
    </section>
  );
}
