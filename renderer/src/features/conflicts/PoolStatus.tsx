// In the status bar, only on a station that belongs to a pool: the station's name, whether the hub is
// reachable, what waits for it, and the open conflicts (a button that opens the Conflicts view).
import { useCallback, useEffect, useState } from 'react';
import type { PoolStateView } from '../../../../shared/contract';
import { useClient } from '../../api/ClientContext';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import { ConflictsDialog } from './ConflictsDialog';

export function PoolStatus() {
  const t = useT();
  const client = useClient();
  const [pool, setPool] = useState<PoolStateView | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    const answer = await client.call('pool.state', {}).catch(() => null);
    if (answer?.ok) setPool(answer.value);
  }, [client]);
  useEffect(() => {
    void load();
    // Verdicts and pulled changes arrive as row changes and queue changes: look again then.
    return client.onPush((e) => {
      if (e.type === 'shipments.changed' || e.type === 'sync.state') void load();
    });
  }, [client, load]);

  if (!pool?.member) return null;
  return (
    <>
      <span className="sync-item" data-testid="pool-station">
        {t('pool.station', { station: pool.station ?? '' })}
      </span>
      {pool.refusal ? (
        <span className="sync-item sync-bad" role="status" data-tip={pool.refusal}>
          <Icon name="alert" size={12} /> {t('pool.refused')}
        </span>
      ) : (
        !pool.online && (
          <span className="sync-item sync-warn" role="status">
            <Icon name="alert" size={12} /> {t('pool.offline')}
          </span>
        )
      )}
      {pool.pending > 0 && <span className="sync-item">{t('pool.waiting', { n: pool.pending })}</span>}
      {pool.openConflicts > 0 && (
        <button
          type="button"
          className="button button-small sync-bad"
          data-testid="pool-conflicts"
          aria-label={t('pool.conflictsLabel', { n: pool.openConflicts })}
          onClick={() => setOpen(true)}
        >
          <Icon name="alert" size={12} /> {t('pool.conflicts', { n: pool.openConflicts })}
        </button>
      )}
      {open && <ConflictsDialog onClose={() => setOpen(false)} onChanged={() => void load()} />}
    </>
  );
}
