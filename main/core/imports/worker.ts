// The parse worker: gets a file's bytes, answers with plain data. exceljs lives only here, so the
// main process never holds a parser's objects and a runaway parse can be terminated.
import { parentPort } from 'node:worker_threads';
import { IMPORT_LIMITS } from './limits';
import { parseUpload } from './parseUpload';

function jobOf(message: unknown): { id: number; bytes: Uint8Array } | null {
  if (!message || typeof message !== 'object' || !('id' in message) || !('bytes' in message)) return null;
  const { id, bytes } = message;
  return typeof id === 'number' && bytes instanceof Uint8Array ? { id, bytes } : null;
}

parentPort?.on('message', (message: unknown) => {
  const job = jobOf(message);
  if (!job) return;
  void parseUpload(job.bytes, IMPORT_LIMITS).then((outcome) => parentPort?.postMessage({ id: job.id, outcome }));
});
