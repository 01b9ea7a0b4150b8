// Inflates one zip entry while counting what comes out, and stops the moment a limit is passed.
// Declared sizes are never trusted: a zip bomb declares small sizes and inflates to gigabytes.
import zlib from 'node:zlib';
import type { ZipEntry } from './zipDirectory';

export type InflateResult =
  | { ok: true; bytes: number }
  | { ok: false; reason: 'too-big'; bytes: number }
  | { ok: false; reason: 'corrupt' | 'method' };

const STORED = 0;
const DEFLATED = 8;

export function inflateCounted(
  file: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
  onChunk?: (chunk: Buffer) => void,
): Promise<InflateResult> {
  const data = Buffer.from(file.buffer, file.byteOffset + entry.dataStart, entry.dataEnd - entry.dataStart);
  if (entry.method === STORED) {
    if (data.length > maxBytes) return Promise.resolve({ ok: false, reason: 'too-big', bytes: data.length });
    onChunk?.(data);
    return Promise.resolve({ ok: true, bytes: data.length });
  }
  if (entry.method !== DEFLATED) return Promise.resolve({ ok: false, reason: 'method' });

  return new Promise((resolve) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const settle = (result: InflateResult) => {
      if (settled) return;
      settled = true;
      inflater.removeAllListeners('data');
      inflater.destroy();
      resolve(result);
    };
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return settle({ ok: false, reason: 'too-big', bytes: total });
      onChunk?.(chunk);
    });
    inflater.on('error', () => settle({ ok: false, reason: 'corrupt' }));
    inflater.on('end', () => settle({ ok: true, bytes: total }));
    inflater.end(data);
  });
}
