// `shipdesk backup --db FILE --out COPY` and `shipdesk restore --db FILE --from COPY`: the database
// copied while it may be in use (checked page by page), and put back from a backup while no Shipdesk
// program has it open (the file it replaces is kept in the backups folder).
import { backupDatabaseFile, restoreDatabase } from '../core/backup/restore';
import { defineCommand, noPositionals } from '../args/command';
import { printJson } from './openCore';

export const backupCommand = defineCommand(
  {
    invocation: 'shipdesk backup',
    summary: 'Copies the database into a new file, checked and readable by this account only (0600).',
    options: { db: { type: 'string' }, out: { type: 'string' } },
    describe: { db: ['FILE', 'the database'], out: ['COPY', 'the backup file to write (must not exist yet)'] },
    required: ['db', 'out'],
    notes: ['The desk may keep running meanwhile. Automatic backups go to the "backups" folder beside the database.'],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const copy = await backupDatabaseFile(values.db ?? '', values.out ?? '');
    printJson({ ok: true, value: { file: copy.file, bytes: copy.bytes, seconds: Math.round(copy.ms) / 1000 } });
    return 0;
  },
);

export const restoreCommand = defineCommand(
  {
    invocation: 'shipdesk restore',
    summary: 'Puts a backup in place of the database; the database it replaces is kept in the backups folder.',
    options: { db: { type: 'string' }, from: { type: 'string' } },
    describe: { db: ['FILE', 'the database to replace'], from: ['COPY', 'the backup to restore'] },
    required: ['db', 'from'],
    notes: ['Refused (DATABASE_IN_USE) while the app, the browser host or another command has the database open.'],
  },
  ({ values, positionals }) => {
    noPositionals(positionals);
    const result = restoreDatabase(values.db ?? '', values.from ?? '', { at: Date.now() });
    printJson({ ok: true, value: result });
    return 0;
  },
);
