// Opens the core for a CLI command, with the CLI's log (stderr, so stdout stays the one JSON answer
// scripts read). A database Shipdesk refuses (e.g. from a newer version) is a refusal the command
// prints in its own answer's shape, and the command exits 1.
import { ShipdeskError, type RpcError } from '../../shared/errors';
import { createCore, type Core, type CoreOptions } from '../core/createCore';
import { createLogger, logLevelFrom, stderrSink, type Logger } from '../core/log/logger';
import { osUserName } from '../core/runtime/osUser';

/** Warnings and errors only unless SHIPDESK_LOG_LEVEL asks for more: scripts read stderr too. */
export const cliLog: Logger = createLogger({
  sinks: [stderrSink()],
  level: logLevelFrom(process.env['SHIPDESK_LOG_LEVEL'], 'warn'),
  fields: { scope: 'cli' },
});

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/** The envelope a refusal prints as, for commands whose answer is an envelope. */
export function printEnvelope(error: RpcError): void {
  printJson({ ok: false, error: { code: error.code, message: error.message } });
}

export function openCliCore(
  dbPath: string,
  options: Partial<CoreOptions> = {},
  refused: (error: RpcError) => void = printEnvelope,
): Core | null {
  try {
    return createCore({ dbPath, log: cliLog, defaultOperator: osUserName(), ...options });
  } catch (err) {
    if (!(err instanceof ShipdeskError)) throw err;
    refused({ code: err.code, message: err.message });
    return null;
  }
}
