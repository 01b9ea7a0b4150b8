// View Shipment Details: the tracking timeline, newest first, each event at the carrier's own time
// (its zone) and at the operator's, with the carrier's own words beside the canonical event.
import { useId } from 'react';
import { useCall } from '../../api/useCall';
import { CallFailure } from '../../components/CallFailure';
import { Dialog } from '../../components/Dialog';
import { StatusLabel } from '../../components/StatusLabel';
import { carrierName } from '../../i18n/carrierName';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime, formatInZone, localZoneLabel } from '../../i18n/format';
import { SyncDetails } from './SyncDetails';

export function DetailsDialog({ shipmentNo, onClose }: { shipmentNo: string; onClose(): void }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const ids = useId();
  const loaded = useCall('shipments.get', { shipmentNo }, shipmentNo);
  const zone = localZoneLabel(language);

  return (
    <Dialog
      titleId={`${ids}-title`}
      title={t('details.title', { shipmentNo })}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      {loaded.state === 'loading' && <p className="dialog-placeholder">{t('dialog.loading')}</p>}
      {loaded.state === 'failed' && <CallFailure error={loaded.error} message={loaded.message} />}
      {loaded.state === 'ready' && (
        <div className="details">
          <p className="details-summary">
            <StatusLabel status={loaded.value.status} />
            {loaded.value.invoice && (
              <span>
                {carrierName(loaded.value.invoice.carrierId, language)}{' '}
                <span className="mono">{loaded.value.invoice.invoiceNo}</span>
              </span>
            )}
          </p>
          {loaded.value.invoice && loaded.value.status !== 'DELIVERED' && <SyncDetails shipmentNo={shipmentNo} />}
          {!loaded.value.invoice ? (
            <p className="muted">{t('details.noInvoice')}</p>
          ) : loaded.value.events.length === 0 ? (
            <p className="muted">{t('details.noEvents')}</p>
          ) : (
            <table className="timeline">
              <caption className="section-subtitle">{t('details.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('details.carrierTime')}</th>
                  <th scope="col">
                    {t('details.yourTime')} <span className="muted">({zone})</span>
                  </th>
                  <th scope="col">{t('details.event')}</th>
                  <th scope="col">{t('details.location')}</th>
                  <th scope="col">{t('details.raw')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.value.events.map((e, i) => (
                  <tr key={`${e.at}-${e.code}-${i}`} className={i === 0 ? 'timeline-latest' : undefined}>
                    <td className="num nowrap">{formatInZone(e.at, e.zone, language)}</td>
                    <td className="num nowrap">{formatDateTime(e.at, language)}</td>
                    <td className={`event event-${e.code.toLowerCase()}`}>
                      <span className="timeline-dot" aria-hidden="true" />
                      {t(`code.${e.code}`)}
                    </td>
                    <td>{e.location}</td>
                    <td className="muted">
                      {e.rawText}
                      {e.rawCode && e.rawCode !== e.rawText ? <span className="mono"> ({e.rawCode})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Dialog>
  );
}
