// How many rows are on screen out of how many, and the button for the next page.
import { useT } from '../../i18n';
import { useShipments } from '../../stores/ShipmentsContext';

export function ListFooter() {
  const t = useT();
  const shown = useShipments((s) => s.rows.length);
  const total = useShipments((s) => s.total);
  const hasMore = useShipments((s) => s.nextCursor !== null);
  const loadingMore = useShipments((s) => s.loadingMore);
  const phase = useShipments((s) => s.phase);
  const notice = useShipments((s) => s.notice);
  const loadMore = useShipments((s) => s.loadMore);

  return (
    <footer className="list-footer">
      <p className="list-notice" role="status">
        {notice ?? ''}
      </p>
      {phase === 'ready' && shown > 0 && <span className="list-count">{t('list.showing', { shown, total })}</span>}
      {hasMore && (
        <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? t('list.loadingMore') : t('list.loadMore')}
        </button>
      )}
    </footer>
  );
}
