// Looking after the desk's data while it runs: a backup a day (kept: the newest `backupKeep`), a full
// check of each daily copy, the retention purge after it when one is set, and the 'data.*' methods.
import type { BackupView, DataCareView } from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import type { Handlers } from '../rpc/dispatch';
import type { ServiceContext } from '../services/context';
import { countPurgeable, purgeOlderThan } from '../services/retention';
import { readStoredSetting, writeStoredSetting } from '../services/settings';
import { backupFolderOf, listBackups, type BackupFile, type BackupReason } from '../db/backupFolder';
import { removeLeftoverPartials } from './leftovers';
import { backupNow } from './online';

export const DEFAULT_BACKUP_KEEP = 7;
const DAY_MS = 86_400_000;
/** The first look a minute after start, so opening the desk is not slowed by a backup. */
const FIRST_LOOK_MS = 60_000;
const LOOK_EVERY_MS = 3_600_000;

export type DataMethod =
  'data.state' | 'data.updateSettings' | 'data.backupNow' | 'data.purgePreview' | 'data.purgeOld';

export interface DataCareOptions {
  dbFile: string;
  log: Logger;
  nativeBinding?: string;
}

export interface DataCare {
  handlers: Pick<Handlers, DataMethod>;
  /** Daily backups and purges on a timer (the desktop app and the web host; never tests or the CLI). */
  start(): void;
  stop(): void;
  /** What the timer does: a backup if the newest is a day old, then the purge if retention is set. */
  dailyPass(): Promise<void>;
}

export function backupView(b: BackupFile): BackupView {
  return { fileName: b.fileName, reason: b.reason, takenAt: new Date(b.takenAt).toISOString(), bytes: b.bytes };
}

function positiveInt(value: string | null): number | null {
  const n = value === null ? NaN : Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function createDataCare(ctx: ServiceContext & { db: Db }, o: DataCareOptions): DataCare {
  // What a killed backup left behind goes at the next start (a file database only).
  if (o.dbFile && o.dbFile !== ':memory:')
    removeLeftoverPartials(backupFolderOf(o.dbFile), { withoutPid: true, log: o.log });
  let running: Promise<unknown> | null = null;
  let lastCheck: DataCareView['lastCheck'] = null;
  let timers: NodeJS.Timeout[] = [];

  // Purged rows vanish from every open screen: an empty list asks them to re-read what they show.
  const listsChanged = () => ctx.events.emit({ type: 'shipments.changed', shipmentNos: [] });
  const keep = () => positiveInt(readStoredSetting(ctx, 'backupKeep')) ?? DEFAULT_BACKUP_KEEP;
  const retentionDays = () => positiveInt(readStoredSetting(ctx, 'retentionDays'));

  const state = (): DataCareView => ({
    backupFolder: backupFolderOf(o.dbFile),
    backupKeep: keep(),
    retentionDays: retentionDays(),
    backups: listBackups(o.dbFile).map(backupView),
    backupRunning: running !== null,
    lastCheck,
  });

  /** One backup at a time; a second ask waits for the one running. */
  const backup = async (reason: BackupReason, check: boolean) => {
    while (running) await running.catch(() => undefined);
    const job = backupNow(ctx.db, o.dbFile, {
      at: ctx.clock(),
      reason,
      keep: keep(),
      check,
      ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
    });
    running = job;
    try {
      const done = await job;
      if (check) {
        const problem = done.problems[0] ?? null;
        lastCheck = { at: new Date(ctx.clock()).toISOString(), sound: problem === null, problem };
        if (problem) o.log.error('the daily check found damage in the database', { problem, backup: done.file });
      }
      return done;
    } finally {
      running = null;
    }
  };

  const dailyPass = async () => {
    const newest = listBackups(o.dbFile).find((b) => b.reason !== 'replaced');
    if (!newest || ctx.clock() - newest.takenAt >= DAY_MS) await backup('daily', true);
    const days = retentionDays();
    if (days !== null) {
      const { purged } = await purgeOlderThan(ctx, days, ctx.clock());
      if (purged > 0) {
        o.log.warn('retention: purged old shipments', { purged, days });
        listsChanged();
      }
    }
  };

  const look = () => {
    dailyPass().catch((err: unknown) =>
      o.log.error('the daily backup failed', { error: err instanceof Error ? err.message : String(err) }),
    );
  };

  const handlers: Pick<Handlers, DataMethod> = {
    'data.state': () => state(),
    'data.updateSettings': ({ backupKeep, retentionDays: days }) => {
      ctx.db.transaction(() => {
        if (backupKeep !== undefined) writeStoredSetting(ctx, 'backupKeep', String(backupKeep));
        if (days !== undefined) writeStoredSetting(ctx, 'retentionDays', days === null ? null : String(days));
      })();
      return state();
    },
    'data.backupNow': async () => {
      const done = await backup('manual', false);
      const made = listBackups(o.dbFile).find((b) => b.file === done.file);
      if (!made) throw new ShipdeskError('INTERNAL', 'The backup was made but cannot be found in the backups folder.');
      return backupView(made);
    },
    'data.purgePreview': ({ retentionDays: days }) => {
      const { purged, cutoff } = countPurgeable(ctx, days, ctx.clock());
      return { shipments: purged, cutoff: new Date(cutoff).toISOString() };
    },
    'data.purgeOld': async () => {
      const days = retentionDays();
      if (days === null) {
        throw new ShipdeskError(
          'INVALID_STATE',
          'Retention is off, so nothing is purged. Set how many days shipments are kept first (data.updateSettings retentionDays).',
        );
      }
      const { purged, cutoff } = await purgeOlderThan(ctx, days, ctx.clock());
      if (purged > 0) listsChanged();
      return { purged, cutoff: new Date(cutoff).toISOString() };
    },
  };

  return {
    handlers,
    dailyPass,
    start() {
      if (timers.length) return;
      const first = setTimeout(look, FIRST_LOOK_MS);
      const every = setInterval(look, LOOK_EVERY_MS);
      first.unref();
      every.unref();
      timers = [first, every];
    },
    stop() {
      for (const t of timers) clearTimeout(t);
      timers = [];
    },
  };
}
