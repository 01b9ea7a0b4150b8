// The small mark beside a row's status that says what the sync is doing with it: waiting to be
// released, retrying, refused, not moving, or (for a failed delivery) what happened and what next.
import type { ShipmentRow, ShipmentSyncView } from '../../../../shared/api/contract';
import type { IconName } from '../../components/Icon';
import type { Translate } from '../../i18n';

export interface SyncMark {
  kind: 'queued' | 'sending' | 'retrying' | 'refused' | 'notMoving' | 'failure';
  icon: IconName;
  label: string;
  reason: string | null;
}

export function syncMark(row: ShipmentRow, sync: ShipmentSyncView | undefined, t: Translate): SyncMark | null {
  if (!sync) return null;
  if (sync.phase === 'queued' || sync.phase === 'sending' || sync.phase === 'retrying') {
    return { kind: sync.phase, icon: 'refresh', label: t(`sync.phase.${sync.phase}`), reason: sync.reason };
  }
  if (sync.phase === 'refused')
    return { kind: 'refused', icon: 'alert', label: t('sync.phase.refused'), reason: sync.reason };
  if (sync.notMoving) return { kind: 'notMoving', icon: 'alert', label: t('sync.phase.notMoving'), reason: null };
  if (row.status === 'FAILED' && sync.failure) {
    return {
      kind: 'failure',
      icon: 'alert',
      label: t('sync.failure', { what: t(`code.${sync.failure.code}`), text: sync.failure.text }),
      reason: t(`sync.next.${sync.failure.nextStep}`),
    };
  }
  return null;
}
