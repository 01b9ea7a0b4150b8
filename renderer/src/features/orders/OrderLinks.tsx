// In the shipment dialog, under the lines: split some lines (or pieces) into a new shipment, merge
// the order's other parcels back, and open the other side of an exchange. The buttons show when the
// core says so (the detail's `allowed`); the core still refuses in words what the state does not
// allow (an invoice registered, another order).
import './orders.css';
import { useId, useState } from 'react';
import type { ShipmentDetail } from '../../../../shared/api/contract';
import type { RpcError } from '../../../../shared/errors';
import { useClient } from '../../api/ClientContext';
import { errorHeadline, useLanguage, useT } from '../../i18n';
import { useDialogs } from '../../stores/dialogs';
import { useStoreApis } from '../../stores/StoresContext';

interface Props {
  detail: ShipmentDetail;
  onReplaced(detail: ShipmentDetail): void;
}

function OpenLink({ shipmentNo }: { shipmentNo: string }) {
  const t = useT();
  return (
    <button
      type="button"
      className="link-button mono"
      aria-label={t('lines.openShipment', { shipmentNo })}
      onClick={() => useDialogs.getState().openInvoice(shipmentNo)}
    >
      {shipmentNo}
    </button>
  );
}

export function OrderLinks({ detail, onReplaced }: Props) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const { grid } = useStoreApis();
  const [splitting, setSplitting] = useState(false);
  const [moves, setMoves] = useState<Record<string, number>>({});
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = async (notice: string) => {
    grid.getState().setNotice({ text: notice, tone: 'ok' });
    const again = await client.call('shipments.get', { shipmentNo: detail.shipmentNo });
    if (again.ok) onReplaced(again.value);
  };

  const split = async () => {
    const lines = Object.entries(moves)
      .filter(([, q]) => q > 0)
      .map(([lineId, quantity]) => ({ lineId, quantity }));
    if (!lines.length) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await client.call('shipments.split', { shipmentNo: detail.shipmentNo, lines });
      if (!answer.ok) return setError(answer.error);
      setSplitting(false);
      setMoves({});
      await reload(t('lines.splitDone', { from: detail.shipmentNo, to: answer.value.shipmentNo }));
    } finally {
      setBusy(false);
    }
  };

  const merge = async (other: string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await client.call('shipments.merge', { shipmentNos: [detail.shipmentNo, other] });
      if (!answer.ok) return setError(answer.error);
      const into = answer.value.shipmentNo;
      if (into === detail.shipmentNo) await reload(t('lines.merged', { shipmentNo: other, into }));
      else {
        grid.getState().setNotice({ text: t('lines.merged', { shipmentNo: detail.shipmentNo, into }), tone: 'ok' });
        useDialogs.getState().openInvoice(into);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="order-links">
      {detail.allowed.split && !splitting && (
        <button type="button" className="button" onClick={() => setSplitting(true)}>
          {t('lines.split')}
        </button>
      )}
      {splitting && (
        <fieldset className="split-form" aria-describedby={`${ids}-split-help`}>
          <legend>{t('lines.splitTitle')}</legend>
          <p id={`${ids}-split-help`} className="muted">
            {t('lines.splitHelp')}
          </p>
          {detail.items.map((item) => {
            const chosen = (moves[item.lineId] ?? 0) > 0;
            return (
              <div key={item.lineId} className="split-line">
                <label>
                  <input
                    type="checkbox"
                    checked={chosen}
                    onChange={(e) => setMoves((m) => ({ ...m, [item.lineId]: e.target.checked ? item.quantity : 0 }))}
                  />{' '}
                  {t('lines.move', { lineId: item.lineId })} · {item.productName}
                </label>
                <input
                  type="number"
                  className="input input-narrow"
                  min={1}
                  max={item.quantity}
                  disabled={!chosen}
                  aria-label={t('lines.moveQuantity', { lineId: item.lineId })}
                  value={chosen ? moves[item.lineId] : item.quantity}
                  onChange={(e) =>
                    setMoves((m) => ({
                      ...m,
                      [item.lineId]: Math.max(1, Math.min(item.quantity, Math.trunc(Number(e.target.value) || 1))),
                    }))
                  }
                />
              </div>
            );
          })}
          <div className="form-actions form-actions-start">
            <button type="button" className="button" onClick={() => setSplitting(false)}>
              {t('lines.splitCancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !Object.values(moves).some((q) => q > 0)}
              onClick={() => void split()}
            >
              {t('lines.splitDo')}
            </button>
          </div>
        </fieldset>
      )}
      {detail.siblingShipmentNos.length > 0 && (
        <div className="link-list">
          <h4 className="section-subtitle">{t('lines.siblings')}</h4>
          <ul>
            {detail.siblingShipmentNos.map((no) => (
              <li key={no}>
                <OpenLink shipmentNo={no} />{' '}
                {detail.allowed.merge && (
                  <button type="button" className="button button-small" disabled={busy} onClick={() => void merge(no)}>
                    {t('lines.mergeWith', { shipmentNo: no })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {detail.originalShipmentNos.length > 0 && (
        <div className="link-list">
          <h4 className="section-subtitle">{t('lines.original', { orderNo: detail.originalOrderNo ?? '' })}</h4>
          <ul>
            {detail.originalShipmentNos.map((no) => (
              <li key={no}>
                <OpenLink shipmentNo={no} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {detail.exchangeShipments.length > 0 && (
        <div className="link-list">
          <h4 className="section-subtitle">{t('lines.exchanges')}</h4>
          <ul>
            {detail.exchangeShipments.map((e) => (
              <li key={e.shipmentNo}>
                <OpenLink shipmentNo={e.shipmentNo} /> <span className="muted mono">{e.orderNo}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="field-message field-message-error">
          {errorHeadline(t, error.code)} <span lang={language === 'ko' ? 'en' : undefined}>{error.message}</span>
        </p>
      )}
    </div>
  );
}
