// Opens the core for a CLI command. A database Shipdesk refuses (e.g. from a newer version) is answered
// as an error envelope on stdout, like any other refusal, and the command exits 1.
import { ShipdeskError } from '../../shared/errors';
import { createCore, type Core, type CoreOptions } from '../core/createCore';
import { osUserName } from '../core/osUser';
import { stderrLog } from './log';

export function openCliCore(dbPath: string, options: Partial<CoreOptions> = {}): Core | null {
  try {
    return createCore({ dbPath, log: stderrLog, defaultOperator: osUserName(), ...options });
  } catch (err) {
    if (!(err instanceof ShipdeskError)) throw err;
    process.stdout.write(JSON.stringify({ ok: false, error: { code: err.code, message: err.message } }) + '\n');
    return null;
  }
}
