// The one dispatcher: every entry point (Electron IPC, web socket, CLI, tests) calls the core here.
// It rejects unknown methods, validates input, runs the handler, and never throws.
import type { Writable } from 'node:stream';
import { z } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodParsed,
  type MethodResult,
} from '../../../shared/api/contract';
import { ShipdeskError, type Envelope } from '../../../shared/errors';
import type { Via } from '../../../shared/domain';
import { RowShapeError } from '../db/rows';
import { storageError } from '../db/storageErrors';
import type { Logger } from '../log/logger';

/** Who is acting and through which door. */
export interface CallContext {
  operator: string;
  /** The entry point's default way in, used when the input does not name one. */
  via: Via;
  /** Where a large file answer is written when the caller has a destination (the CLI's --out). */
  sink?: Writable;
}

export type Handlers = {
  [M in MethodName]: (input: MethodParsed<M>, ctx: CallContext) => MethodResult<M> | Promise<MethodResult<M>>;
};

export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

/** zod's issues as one readable sentence: "invoiceNo: an invoice number is required". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return dispatcherOver(handlers, null, log);
}

/**
 * A dispatcher for a desk that serves only some methods (the recovery screen's, while the database
 * cannot be opened): the others are still checked, then answered with `unserved()`'s error.
 */
export function createPartialDispatcher(
  handlers: Partial<Handlers>,
  unserved: () => ShipdeskError,
  log: Logger,
): Dispatch {
  return dispatcherOver(handlers, unserved, log);
}

function dispatcherOver(handlers: Partial<Handlers>, unserved: (() => ShipdeskError) | null, log: Logger): Dispatch {
  return async (method, input, ctx) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      log.warn('unknown method refused', { method: String(method).slice(0, 80) });
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `Shipdesk has no method called "${String(method).slice(0, 80)}".` },
      };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `The request is not valid: ${describeIssues(parsed.error)}.`,
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
        },
      };
    }
    try {
      const handler = handlers[method] as ((input: unknown, ctx: CallContext) => unknown) | undefined;
      if (!handler)
        throw unserved?.() ?? new ShipdeskError('UNKNOWN_METHOD', `Shipdesk cannot answer "${method}" here.`);
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (err) {
      // A full disk, a read-only or damaged file: named for the operator, and the core keeps serving reads.
      const known = err instanceof ShipdeskError ? err : storageError(err);
      if (known) {
        if (known !== err) log.error('storage failure', { method, code: known.code, cause: known.details?.cause });
        return {
          ok: false,
          error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) },
        };
      }
      // A row of another shape than its reader expects (docs/ARCHITECTURE.md "Rows from SQLite"): a
      // defect or a damaged file, logged by the reader's name; the operator hears the usual words.
      if (err instanceof RowShapeError)
        log.error('row of an unexpected shape', { method, reader: err.reader, issues: err.issues });
      else log.error('handler failed', { method, error: err });
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Shipdesk hit an unexpected problem; nothing was saved. Try again, and report it if it repeats.',
        },
      };
    }
  };
}
