// The shipping address: editable while the core allows it (the detail's `allowed.editAddress`), shown
// locked with the reason after. A refused save keeps the edited fields as typed.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Address, ShipmentDetail } from '../../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { Icon } from '../../components/Icon';
import { useLanguage, useT } from '../../i18n';
import { FieldMessages } from './FieldMessages';
import { refusalOf, transportRefusal, type Refusal } from './formMessages';

interface Props {
  detail: ShipmentDetail;
  onSaved(detail: ShipmentDetail): void;
}

export function AddressBlock({ detail, onSaved }: Props) {
  const t = useT();
  const client = useClient();
  const language = useLanguage((s) => s.language);
  const ids = useId();
  const [editing, setEditing] = useState<Address | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  /** Leaving the form puts focus back on "Edit address" (the form that had it is gone). */
  const backToEdit = useRef(false);
  const stopEditing = () => {
    backToEdit.current = true;
    setEditing(null);
  };
  const a = detail.address;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || saving) return;
    setSaving(true);
    setRefusal(null);
    try {
      const answer = await client.call('shipments.updateAddress', {
        shipmentNo: detail.shipmentNo,
        address: editing,
        via: 'manual',
      });
      if (answer.ok) {
        stopEditing();
        onSaved(answer.value);
      } else setRefusal(refusalOf(answer.error, t));
    } catch (err) {
      setRefusal(transportRefusal(err, t));
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    const field = (name: keyof Address, label: string, max: number) => (
      <div className="field field-compact">
        <label htmlFor={`${ids}-${name}`}>{label}</label>
        <input
          id={`${ids}-${name}`}
          type="text"
          maxLength={max}
          autoFocus={name === 'country'} // "Edit address" moves focus into the form
          value={editing[name]}
          onChange={(e) => setEditing({ ...editing, [name]: e.target.value })}
        />
      </div>
    );
    return (
      <form className="address-form" onSubmit={(e) => void save(e)} aria-label={t('invoice.editAddress')}>
        <div className="address-grid">
          {field('country', t('invoice.country'), 2)}
          {field('postalCode', t('invoice.postalCode'), 20)}
        </div>
        {field('line1', t('invoice.line1'), 200)}
        {field('line2', t('invoice.line2'), 200)}
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
          <button type="button" className="button" onClick={stopEditing}>
            {t('invoice.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
            {t('invoice.saveAddress')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="address">
      <p className="address-text">
        <span className="mono">
          {a.country} {a.postalCode}
        </span>{' '}
        {a.line1} {a.line2}
      </p>
      {!detail.allowed.editAddress ? (
        <p className="locked" id={`${ids}-locked`}>
          <Icon name="lock" size={14} />
          <strong>{t('invoice.addressLocked')}</strong> <span>{t('invoice.addressLockedWhy')}</span>
        </p>
      ) : (
        <button
          ref={(el) => {
            if (el && backToEdit.current) {
              backToEdit.current = false;
              el.focus();
            }
          }}
          type="button"
          className="link-button"
          onClick={() => setEditing({ ...a })}
        >
          {t('invoice.editAddress')}
        </button>
      )}
    </div>
  );
}
