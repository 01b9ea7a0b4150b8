// Why an action is closed, in the operator's language: the core decides and sends a code
// (shared/api/shipments.ts ACTION_LOCKS); the screen only words it.
import type { ActionLock } from '../../../shared/api/contract';
import type { Translate } from './index';

export function lockText(t: Translate, why: ActionLock | null): string | null {
  return why ? t(`lock.${why}`) : null;
}
