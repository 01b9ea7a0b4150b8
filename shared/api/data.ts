// Looking after the data itself: backups (automatic daily and before every update, or now), how many
// to keep, and how long shipments are kept before they are purged (counts stay).
import { z } from 'zod';
import { method } from './common';

export interface BackupView {
  fileName: string;
  /** daily | manual | before-vN (taken before an update) | replaced (a database a restore put aside) */
  reason: string;
  takenAt: string;
  bytes: number;
}

export interface DataCareView {
  /** The folder holding the backups (beside the database). */
  backupFolder: string;
  /** How many backups are kept; older ones are removed after each new one. */
  backupKeep: number;
  /** Shipments untouched for this many days are purged (null: never, the default). */
  retentionDays: number | null;
  backups: BackupView[];
  backupRunning: boolean;
  /** The last full check of the data (made on each daily backup's copy). */
  lastCheck: { at: string; sound: boolean; problem: string | null } | null;
}

export interface PurgeResult {
  /** Shipments removed (with their items, invoices, events and history); their counts stay. */
  purged: number;
  /** Shipments ordered and last changed before this moment were purged. */
  cutoff: string;
}

export interface PurgePreview {
  /** Shipments a purge with this retention would remove now. */
  shipments: number;
  /** Those ordered and last changed before this moment. */
  cutoff: string;
}

export const BACKUP_KEEP_MAX = 365;
export const RETENTION_DAYS_MIN = 30;
export const RETENTION_DAYS_MAX = 3650;

export const dataMethods = {
  'data.state': method<DataCareView>('read')(z.strictObject({})),
  'data.updateSettings': method<DataCareView>('queued')(
    z.strictObject({
      backupKeep: z.number().int().min(1).max(BACKUP_KEEP_MAX, `keep at most ${BACKUP_KEEP_MAX} backups`).optional(),
      retentionDays: z
        .number()
        .int()
        .min(RETENTION_DAYS_MIN, `keep shipments at least ${RETENTION_DAYS_MIN} days`)
        .max(RETENTION_DAYS_MAX)
        .nullable()
        .optional(),
    }),
  ),
  /** A backup now, into the backups folder (answers when it is complete). */
  'data.backupNow': method<BackupView>('read')(z.strictObject({})),
  /** What a purge with this retention would remove now (a count; nothing is removed). */
  'data.purgePreview': method<PurgePreview>('read')(
    z.strictObject({
      retentionDays: z
        .number()
        .int()
        .min(RETENTION_DAYS_MIN, `keep shipments at least ${RETENTION_DAYS_MIN} days`)
        .max(RETENTION_DAYS_MAX),
    }),
  ),
  /** Purge now what the retention setting says; refused while retention is off. */
  'data.purgeOld': method<PurgeResult>('queued')(z.strictObject({})),
} as const;
