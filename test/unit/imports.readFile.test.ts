// The import's file reader takes ordinary files only, and never more than the limit: what a link to a
// device, a FIFO or a folder is gets decided before a byte is read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../main/core/sheets/readFile';
import { tempDir } from '../support/core';

const POSIX = process.platform !== 'win32';
const dir = tempDir('shipdesk-read-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function refusalOf(file: string, max?: number) {
  const read = readImportFile(file, max);
  if (read.ok || 'missing' in read) throw new Error(`expected a refusal for ${file}`);
  return read.refusal;
}

describe('readImportFile', () => {
  it('reads an ordinary file, and one behind a link', () => {
    const file = path.join(dir, 'rows.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    const link = path.join(dir, 'rows-link.csv');
    fs.symlinkSync(file, link);
    for (const f of [file, link]) {
      const read = readImportFile(f);
      expect(read.ok && read.bytes.toString()).toBe('a,b\n1,2\n');
    }
  });

  it('says a missing file is missing', () => {
    expect(readImportFile(path.join(dir, 'nope.xlsx'))).toEqual({ ok: false, missing: true });
  });

  it.skipIf(!POSIX)('refuses a link to /dev/zero without reading it', () => {
    const link = path.join(dir, 'zero.xlsx');
    fs.symlinkSync('/dev/zero', link);
    expect(refusalOf(link)).toMatchObject({
      code: 'FILE_NOT_REGULAR',
      message: expect.stringMatching(/is a device \(through a link\), not a file Shipdesk can import/),
    });
  });

  it.skipIf(!POSIX)('refuses a FIFO without waiting for a writer', () => {
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(refusalOf(fifo)).toMatchObject({ code: 'FILE_NOT_REGULAR', message: expect.stringMatching(/is a pipe/) });
  });

  it('refuses a folder with a sentence, not EISDIR', () => {
    const folder = path.join(dir, 'orders.xlsx');
    fs.mkdirSync(folder);
    const refusal = refusalOf(folder);
    expect(refusal).toMatchObject({ code: 'FILE_NOT_REGULAR', message: expect.stringMatching(/is a folder/) });
    expect(refusal.message).not.toMatch(/EISDIR/);
  });

  it.skipIf(!POSIX)('refuses a socket', async () => {
    const socket = path.join(dir, 's.sock');
    const server = net.createServer().listen(socket);
    await new Promise((r) => server.once('listening', r));
    try {
      expect(refusalOf(socket)).toMatchObject({ code: 'FILE_NOT_REGULAR' });
    } finally {
      server.close();
    }
  });

  it('refuses a file over the limit before reading it', () => {
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, Buffer.alloc(4097, 0x41));
    expect(refusalOf(big, 4096)).toMatchObject({ code: 'FILE_TOO_LARGE', details: { bytes: 4097 } });
    const read = readImportFile(big, 4097);
    expect(read.ok && read.bytes.length).toBe(4097);
  });
});
