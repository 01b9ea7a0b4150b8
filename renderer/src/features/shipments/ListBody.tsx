// What the panel shows: loading, a problem with a retry, nothing to show, or the table.
import type { ShipmentRow } from '../../../../shared/contract';
import { errorHeadline, useT } from '../../i18n';
import { useShipments } from '../../stores/ShipmentsContext';
import { ShipmentTable } from './ShipmentTable';

export function ListBody({ caption, onRegisterInvoice }: { caption: string; onRegisterInvoice(row: ShipmentRow): void }) {
  const t = useT();
  const phase = useShipments((s) => s.phase);
  const empty = useShipments((s) => s.rows.length === 0);
  const problem = useShipments((s) => s.problem);
  const reload = useShipments((s) => s.reload);

  if (phase === 'error' && empty) {
    return (
      <div className="list-message" role="alert">
        <p className="list-message-title">{t('list.error')}</p>
        {problem && (
          <p className="list-message-detail">
            {problem.kind === 'rpc' ? `${errorHeadline(t, problem.error.code)} ${problem.error.message}` : problem.message}
          </p>
        )}
        <button type="button" className="button" onClick={() => void reload()}>
          {t('list.retry')}
        </button>
      </div>
    );
  }
  if (phase === 'loading' && empty) {
    return (
      <div className="list-message">
        <p className="list-message-title">{t('list.loading')}</p>
      </div>
    );
  }
  if (empty) {
    return (
      <div className="list-message">
        <p className="list-message-title">{t('list.empty')}</p>
        <p className="list-message-detail">{t('list.emptyHint')}</p>
      </div>
    );
  }
  return <ShipmentTable caption={caption} onRegisterInvoice={onRegisterInvoice} />;
}
