// The parse worker: gets a file's bytes and what to read from it, answers with plain data. exceljs
// (and the decryption library) live only here, so the main process never holds a parser's objects
// and a runaway parse can be terminated.
import { parentPort } from 'node:worker_threads';
import { IMPORT_LIMITS, ORDER_LIMITS } from './limits';
import { parseGridUpload } from './parseGrid';
import { parseUpload } from './parseUpload';
import type { ParseRequest } from './types';

function requestOf(value: unknown): ParseRequest | null {
  if (!value || typeof value !== 'object' || !('kind' in value)) return null;
  if (value.kind === 'invoices') return { kind: 'invoices' };
  if (value.kind !== 'grid' || !('headerWords' in value) || !Array.isArray(value.headerWords)) return null;
  const headerWords = value.headerWords.filter((w): w is string => typeof w === 'string');
  const password = 'password' in value && typeof value.password === 'string' ? value.password : undefined;
  return { kind: 'grid', headerWords, ...(password ? { password } : {}) };
}

function jobOf(message: unknown): { id: number; bytes: Uint8Array; request: ParseRequest } | null {
  if (!message || typeof message !== 'object' || !('id' in message) || !('bytes' in message)) return null;
  const { id, bytes } = message;
  const request = 'request' in message ? requestOf(message.request) : { kind: 'invoices' as const };
  return typeof id === 'number' && bytes instanceof Uint8Array && request ? { id, bytes, request } : null;
}

parentPort?.on('message', (message: unknown) => {
  const job = jobOf(message);
  if (!job) return;
  const work =
    job.request.kind === 'grid'
      ? parseGridUpload(job.bytes, job.request, ORDER_LIMITS)
      : parseUpload(job.bytes, IMPORT_LIMITS);
  void work.then((outcome) => parentPort?.postMessage({ id: job.id, outcome }));
});
