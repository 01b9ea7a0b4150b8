// Every register / modify / delete / carrier void / address change on a shipment, newest first:
// before -> after, who, how, when and why.
import { useId } from 'react';
import type { HistoryEntry } from '../../../../shared/api/contract';
import { useCall } from '../../api/useCall';
import { CallFailure } from '../../components/CallFailure';
import { Dialog } from '../../components/Dialog';
import { carrierName } from '../../i18n/carrierName';
import { useLanguage, useT, type Language, type Translate } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

type Snapshot = HistoryEntry['before'];

function describe(s: Snapshot, t: Translate, language: Language): string {
  if (!s) return t('history.nothing');
  const parts: string[] = [];
  if (s.carrierId || s.invoiceNo)
    parts.push(`${carrierName(s.carrierId ?? null, language)} ${s.invoiceNo ?? ''}`.trim());
  if (s.address)
    parts.push(`${s.address.country} ${s.address.postalCode} ${s.address.line1} ${s.address.line2}`.trim());
  return parts.join(' · ') || t('history.nothing');
}

export function HistoryDialog({ shipmentNo, onClose }: { shipmentNo: string; onClose(): void }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const ids = useId();
  const loaded = useCall('invoices.history', { shipmentNo }, shipmentNo);

  return (
    <Dialog
      titleId={`${ids}-title`}
      title={t('history.title', { shipmentNo })}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      {loaded.state === 'loading' && <p className="dialog-placeholder">{t('dialog.loading')}</p>}
      {loaded.state === 'failed' && <CallFailure error={loaded.error} message={loaded.message} />}
      {loaded.state === 'ready' &&
        (loaded.value.length === 0 ? (
          <p className="muted">{t('history.empty')}</p>
        ) : (
          <table className="history">
            <caption className="section-subtitle">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.action')}</th>
                <th scope="col">{t('history.change')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.via')}</th>
                <th scope="col">{t('history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.value.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td className="num nowrap">{formatDateTime(e.at, language)}</td>
                  <td className="nowrap">{t(`action.${e.action}`)}</td>
                  <td className="change">
                    <span className="before">{describe(e.before, t, language)}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden">, </span>
                    <span className="after">{describe(e.after, t, language)}</span>
                  </td>
                  <td>{e.operator}</td>
                  <td className="nowrap">{t(`via.${e.via}`)}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Dialog>
  );
}
