// The desk as the hosts (web, desktop) start it: the core, or, when its database is refused as damaged
// or not a Shipdesk database, a small stand-in that answers `recovery.*` so the screen can say what is
// wrong and put the last backup back. After a restore the real core opens in its place, and every call
// and push goes to it: the hosts keep one dispatch and one event stream throughout.
import path from 'node:path';
import type { RecoveryProblemCode, RecoveryView, RestoreView } from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import { backupView } from '../backup/care';
import { listBackups } from '../db/backupFolder';
import { restoreDatabase } from '../backup/restore';
import { createCore, type Core, type CoreOptions } from '../createCore';
import { createEvents, type CoreEvents } from '../push/events';
import { createLogger, stderrSink } from '../log/logger';
import { createPartialDispatcher, type Dispatch, type Handlers } from '../rpc/dispatch';

export interface Desk {
  dispatch: Dispatch;
  events: CoreEvents;
  /** The working core, or null while the database is refused and only a restore is offered. */
  readonly core: Core | null;
  close(): void;
}

type Refusal = ShipdeskError & { code: RecoveryProblemCode };

/** The refusals a backup can cure; anything else (too new, read-only, disk) stops the start as before. */
function isRecoverable(err: unknown): err is Refusal {
  return err instanceof ShipdeskError && (err.code === 'DATABASE_DAMAGED' || err.code === 'NOT_SHIPDESK_DATABASE');
}

/** Opens the core; a refused database starts the recovery stand-in instead of failing. Other errors throw. */
export function openDesk(options: CoreOptions): Desk {
  const log = options.log ?? createLogger({ sinks: [stderrSink()], level: 'warn' });
  const events = createEvents(log);
  const clock = options.clock ?? Date.now;
  let core: Core | null = null;
  let stopForwarding: () => void = () => undefined;
  let problem: Refusal | null = null;
  let restoring = false;
  let closed = false;

  const adopt = (opened: Core) => {
    core = opened;
    stopForwarding = opened.events.on((event) => events.emit(event));
  };

  try {
    adopt(createCore(options));
  } catch (err) {
    if (!isRecoverable(err) || options.dbPath === ':memory:') throw err;
    problem = err;
    log.error('the database was refused; the screen offers the last backup', { code: err.code, db: options.dbPath });
  }
  /** Every method but recovery.* answers why the desk is not open. */
  const refusal = (): ShipdeskError =>
    problem ?? new ShipdeskError('INTERNAL', 'Shipdesk is still opening its database. Try again in a moment.');

  const restorable = () => listBackups(options.dbPath).filter((b) => b.reason !== 'replaced');

  const handlers: Pick<Handlers, 'recovery.state' | 'recovery.restore'> = {
    'recovery.state': (): RecoveryView => ({
      state: 'needed',
      problem: problem ? { code: problem.code, message: problem.message } : null,
      databaseFile: path.resolve(options.dbPath),
      backups: restorable().map(backupView),
    }),
    'recovery.restore': ({ fileName }): RestoreView => {
      if (restoring || core) throw new ShipdeskError('INVALID_STATE', 'The backup is already being restored.');
      const backup = restorable().find((b) => b.fileName === fileName);
      if (!backup) {
        throw new ShipdeskError(
          'NOT_FOUND',
          `There is no backup called ${fileName} in the backups folder any more. Look at the list again and choose one from it.`,
        );
      }
      restoring = true;
      try {
        const done = restoreDatabase(options.dbPath, backup.file, {
          at: clock(),
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        });
        log.warn('restored the database from a backup', { from: backup.fileName, keptAside: done.replacedKeptAt });
        try {
          if (!closed) adopt(createCore(options));
        } catch (err) {
          if (isRecoverable(err)) problem = err;
          throw err;
        }
        return {
          restoredFrom: backup.fileName,
          replacedKeptAs: done.replacedKeptAt === null ? null : path.basename(done.replacedKeptAt),
        };
      } finally {
        restoring = false;
      }
    },
  };
  const recoveryDispatch = createPartialDispatcher(handlers, refusal, log);

  return {
    dispatch: (method, input, ctx) => (core ? core.dispatch(method, input, ctx) : recoveryDispatch(method, input, ctx)),
    events,
    get core() {
      return core;
    },
    close() {
      closed = true;
      stopForwarding();
      core?.close();
    },
  };
}
