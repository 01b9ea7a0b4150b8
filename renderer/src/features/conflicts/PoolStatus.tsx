// In the status bar, only on a station that belongs to a pool: the station's name, whether a hub
// answered in the last few seconds (or refuses this station), what waits for it, and the open conflicts
// (a button that opens the Conflicts view). docs/HUB.md, "Status".
import { useCallback, useEffect, useState } from 'react';
import type { PoolStateView } from '../../../../shared/api/contract';
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
      if (e.type === 'shipments.changed' || e.type === 'sync.state' || e.type === 'pool.state') void load();
    });
  }, [client, load]);

  if (!pool?.member) return null;
  return (
    <>
      <span className="sync-item" data-testid="pool-station">
        {t('pool.station', { station: pool.station ?? '' })}
      </span>
      <LinkState pool={pool} />
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

/** Online, offline, revoked or refused: words and an icon, not colour alone. */
function LinkState({ pool }: { pool: PoolStateView }) {
  const t = useT();
  switch (pool.link) {
    case 'online':
      return (
        <span className="sync-item" role="status" data-testid="pool-link" data-tip={t('pool.onlineLabel')}>
          <Icon name="check" size={12} /> {t('pool.online')}
        </span>
      );
    case 'revoked':
      return (
        <span className="sync-item sync-bad" role="status" data-testid="pool-link" data-tip={t('pool.revokedLabel')}>
          <Icon name="alert" size={12} /> {t('pool.revoked')}
        </span>
      );
    case 'refused':
      return (
        <span className="sync-item sync-bad" role="status" data-testid="pool-link" data-tip={pool.refusal ?? ''}>
          <Icon name="alert" size={12} /> {t('pool.refused')}
        </span>
      );
    default:
      return (
        <span className="sync-item sync-warn" role="status" data-testid="pool-link">
          <Icon name="alert" size={12} /> {t('pool.offline')}
        </span>
      );
  }
}
