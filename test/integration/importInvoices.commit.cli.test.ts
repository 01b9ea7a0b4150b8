// `shipdesk import-invoices --commit` answers once the rows are saved, not once their releases are
// sent: with a release endpoint that never answers, the command still answers with every row saved,
// sends nothing, and the releases wait in the outbox for the next `shipdesk sync --once`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { tempDir } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';
import { cj } from '../fixtures/excel/desk';
import { ENGLISH_HEADER, sheet } from '../fixtures/excel/workbooks';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
const ROWS = 20;
let dir: string;
let db: string;
let nos: string[];

/** A release endpoint: `answer` false holds every request open for good (until closed). */
async function releaseEndpoint(answer: boolean) {
  const keys: string[] = [];
  const server = http.createServer((req, res) => {
    keys.push(String(req.headers['idempotency-key']));
    req.resume();
    if (answer) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/release`,
    keys,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Releases waiting in the outbox, read straight from the file. */
function pendingReleases(): number {
  const handle = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (handle.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n;
  } finally {
    handle.close();
  }
}

/** Runs the CLI without blocking this process, so the endpoint above keeps serving meanwhile. */
function shipdesk(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, 'dist/main/cli.cjs')))
    throw new Error('dist/main/cli.cjs is missing: run `npm run build` first (npm test does).');
  dir = tempDir('shipdesk-import-commit-');
  db = path.join(dir, 'desk.db');
  const handle = openDatabase(db);
  seedFacets(handle);
  nos = seedShipments(
    handle,
    Array.from({ length: ROWS }, () => ({})),
  );
  handle.close();
  fs.writeFileSync(
    path.join(dir, 'numbers.xlsx'),
    await sheet(
      ENGLISH_HEADER,
      nos.map((no, i) => [no, 'kr.cjlogistics', cj(500 + i)]),
    ),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('shipdesk import-invoices --commit', () => {
  it('answers with the rows saved while the release endpoint never answers; the releases wait for the next sync', async () => {
    const silent = await releaseEndpoint(false);
    try {
      const r = await shipdesk(
        { SHIPDESK_RELEASE_URL: silent.url },
        'import-invoices',
        'numbers.xlsx',
        '--db',
        db,
        '--commit',
      );
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, committed: true, registered: ROWS, releasesQueued: ROWS });
      // Nothing was sent for the answer to wait on.
      expect(silent.keys).toEqual([]);
    } finally {
      await silent.close();
    }
    // Saved and queued in the database this command closed: the releases wait there.
    expect(pendingReleases()).toBe(ROWS);

    // The next sync sends every queued release, once each.
    const upstream = await releaseEndpoint(true);
    try {
      const s = await shipdesk({ SHIPDESK_RELEASE_URL: upstream.url }, 'sync', '--once', '--db', db);
      expect(JSON.parse(s.stdout)).toMatchObject({ released: ROWS });
      expect(new Set(upstream.keys).size).toBe(ROWS);
    } finally {
      await upstream.close();
    }
    expect(pendingReleases()).toBe(0);
    const released = JSON.parse(
      (
        await shipdesk(
          { SHIPDESK_RELEASE_URL: 'http://127.0.0.1:9/unused' },
          'call',
          'shipments.get',
          JSON.stringify({ shipmentNo: nos[0] }),
          '--db',
          db,
        )
      ).stdout,
    ) as { value: { status: string } };
    expect(released.value.status).toBe('RELEASED');
  });
});
