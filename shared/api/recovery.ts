// When the desk's database cannot be opened (damaged, or not a Shipdesk database), the hosts still
// start and answer these two methods, so the screen can say what is wrong and put the last backup back.
// Every other method answers the opening error meanwhile. With the database open they say so.
import { z } from 'zod';
import type { BackupView } from './data';
import { method } from './common';

export type RecoveryProblemCode = 'DATABASE_DAMAGED' | 'NOT_SHIPDESK_DATABASE';

export interface RecoveryView {
  /** open: the desk works; needed: the database was refused and only a restore is offered. */
  state: 'open' | 'needed';
  /** Why the database was refused, in the operator's words (null when open). */
  problem: { code: RecoveryProblemCode; message: string } | null;
  /** The database file that was refused (null when open). */
  databaseFile: string | null;
  /** Backups that can be restored, newest first (none when open). */
  backups: BackupView[];
}

export interface RestoreView {
  /** The backup now in place of the database. */
  restoredFrom: string;
  /** Where the refused file was kept, in the backups folder (null when there was no file). */
  replacedKeptAs: string | null;
}

export const recoveryMethods = {
  'recovery.state': method<RecoveryView>('read')(z.strictObject({})),
  /** Puts the named backup (from recovery.state) in place, keeps the refused file aside, opens the desk. */
  'recovery.restore': method<RestoreView>('read')(
    z.strictObject({
      fileName: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^/\\]+\.db$/, 'a backup file name from the list, not a path'),
    }),
  ),
} as const;
