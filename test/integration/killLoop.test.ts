// Durability under SIGKILL: a child registers invoices one at a time and commits 1,000-row imports
// while this test kills it at chosen moments, 10 times in `npm test` and 50 in `npm run test:soak`
// (SHIPDESK_KILL_CYCLES; README, "Set up, run, test"). After each kill the database must pass
// SQLite's integrity check, hold every acknowledged write exactly once, hold every import batch
// whole or not at all, and have exactly one release in the outbox per invoice.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import { silentLogger } from '../../main/core/log/logger';
import { openDatabase } from '../../main/core/db/open';
import { tempDir } from '../support/core';
import { seedFacets } from '../support/seed';

const repo = path.resolve(__dirname, '../..');

/** Where in the child's work a cycle's kill lands: among single registrations, inside the import's commit, or after it. */
type KillPoint = { after: 'ready' | 'batch-start' | 'batch'; ms: number };

// The places a kill lands, in turn: after the child's first line (0-30 ms: among the singles before
// the import), after the import's preview (0-120 ms: inside the commit, twice per round: it is the
// write that must stay whole) and after the commit (0-20 ms: among the singles after it).
const PLACES: readonly { after: KillPoint['after']; windowMs: number }[] = [
  { after: 'ready', windowMs: 30 },
  { after: 'batch-start', windowMs: 120 },
  { after: 'batch', windowMs: 20 },
  { after: 'batch-start', windowMs: 120 },
];

const CYCLES = killCycles(process.env.SHIPDESK_KILL_CYCLES);
const SINGLES = 5; // before and after the batch
const ROWS = 1_000;
const PER_CYCLE = 2 * SINGLES + ROWS;
const SEED = 20261126;

let dir: string;
let dbPath: string;
let child: string;

/** How many kills: 10 unless the soak asks for more; at least one per place a kill can land. */
function killCycles(value: string | undefined): number {
  if (value === undefined || value === '') return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < PLACES.length)
    throw new Error(`SHIPDESK_KILL_CYCLES must be a whole number of ${PLACES.length} or more, not "${value}"`);
  return n;
}

/** A small deterministic generator, so a failing cycle can be run again the same way. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  // The child as plain JS beside its import and commit workers: node starts it in a fraction of tsx's time.
  const out = path.join(repo, '.tmp', 'kill-loop');
  fs.mkdirSync(out, { recursive: true });
  await build({
    entryPoints: {
      child: 'test/support/killLoopChild.ts',
      importWorker: 'main/core/sheets/worker.ts',
      commitWorker: 'main/core/commitWorker/commitWorker.ts',
    },
    outdir: out,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'exceljs'],
    logLevel: 'silent',
    absWorkingDir: repo,
  });
  child = path.join(out, 'child.cjs');

  dir = tempDir('shipdesk-kill-');
  dbPath = path.join(dir, 'shipdesk.db');
  const db = openDatabase(dbPath);
  seedFacets(db);
  db.prepare(
    "INSERT INTO orders (id, order_no, ordered_at, sales_channel, buyer_name, claim) VALUES (1, 'KILL-1', 0, 'web', 'Buyer', 'general')",
  ).run();
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO shipments (id, shipment_no, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone,
       country, postal_code, address_line1, warehouse_id, policy_id, option_id, region, status, tab, updated_at)
     SELECT i, printf('SD%010d', i), 1, 0, '2026-11-20', 'general', '김민수', '010-1234-5678', 'KR', '06236',
       '서울 강남구 테헤란로 1', 1, 1, 1, 'domestic', 'AWAITING_INVOICE', 'preparing', 0 FROM n`,
  ).run(CYCLES * PER_CYCLE + 10);
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Ack {
  t: string;
  shipmentNo?: string;
  invoiceNo?: string;
  from?: number;
  rows?: number;
  batchId?: number;
}

/** Runs the child and kills it at `kill`. Returns the complete lines it printed. */
function runChild(first: number, cycle: number, kill: KillPoint): Promise<{ acks: Ack[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dbPath, String(first), String(SINGLES), String(ROWS), String(cycle)], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes(`"t":"${kill.after}"`)) timer = setTimeout(() => proc.kill('SIGKILL'), kill.ms);
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child exited ${code}: ${err}`));
      // Only complete lines were acknowledged; a line the kill cut short was not.
      const lines = out.split('\n').slice(0, -1);
      resolve({ acks: lines.map((l) => JSON.parse(l) as Ack), killed: signal === 'SIGKILL' });
    });
  });
}

/**
 * The kill of every cycle. Each place's window is cut in as many slices as the place has cycles and
 * each kill lands at a random moment of its own slice: 10 kills reach across every window as 50 do.
 */
function killSchedule(cycles: number, rand: () => number): KillPoint[] {
  const places = Array.from({ length: cycles }, (_, c) => PLACES[c % PLACES.length]!);
  return places.map((place, c) => {
    const turns = places.filter((p) => p.after === place.after).length;
    const turn = places.slice(0, c).filter((p) => p.after === place.after).length;
    return { after: place.after, ms: Math.floor((place.windowMs * (turn + rand())) / turns) };
  });
}

describe('SIGKILL while registering and importing', () => {
  it(`loses no acknowledged write and leaves no half batch in ${CYCLES} kills`, async () => {
    const kills = killSchedule(CYCLES, random(SEED));
    const totals = { cycles: 0, killed: 0, acknowledged: 0, lost: 0, halfBatches: 0, integrityFailures: 0, doubles: 0 };
    const problems: string[] = [];
    const acked: Ack[] = [];
    let first = 1;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const { acks, killed } = await runChild(first, cycle, kills[cycle]!);
      totals.cycles += 1;
      if (killed) totals.killed += 1;
      acked.push(...acks.filter((a) => a.t === 'single' || a.t === 'batch'));

      const db = new Database(dbPath);
      try {
        if (db.pragma('integrity_check', { simple: true }) !== 'ok') {
          totals.integrityFailures += 1;
          problems.push(`cycle ${cycle}: integrity check failed`);
        }
        // This cycle's batch is whole or absent, acknowledged or not.
        const from = first + SINGLES;
        const inBatch = (
          db
            .prepare(
              `SELECT count(*) AS n FROM invoices i JOIN shipments s ON s.id = i.shipment_id
               WHERE s.id >= ? AND s.id < ? AND i.active = 1`,
            )
            .get(from, from + ROWS) as { n: number }
        ).n;
        if (inBatch !== 0 && inBatch !== ROWS) {
          totals.halfBatches += 1;
          problems.push(`cycle ${cycle}: ${inBatch} of ${ROWS} batch rows saved`);
        }
        const doubles = (
          db
            .prepare(
              'SELECT count(*) AS n FROM (SELECT shipment_id FROM invoices GROUP BY shipment_id HAVING count(*) > 1)',
            )
            .get() as { n: number }
        ).n;
        totals.doubles = doubles;
        const outboxOff = (
          db
            .prepare(
              // Releases counted per invoice once (a join, not a scan of the outbox per invoice: the soak's
              // 50 cycles leave thousands of each).
              `SELECT count(*) AS n FROM invoices i
               LEFT JOIN (SELECT json_extract(payload, '$.invoiceId') AS invoice_id, count(*) AS releases
                          FROM outbox WHERE kind = 'release' GROUP BY invoice_id) o ON o.invoice_id = i.id
               WHERE coalesce(o.releases, 0) != 1`,
            )
            .get() as { n: number }
        ).n;
        const outboxExtra = (
          db
            .prepare(
              "SELECT count(*) AS n FROM outbox o WHERE o.kind = 'release' AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = json_extract(o.payload, '$.invoiceId'))",
            )
            .get() as { n: number }
        ).n;
        if (outboxOff || outboxExtra) problems.push(`cycle ${cycle}: outbox off by ${outboxOff} / ${outboxExtra}`);
        const batchesOff = (
          db
            .prepare(
              'SELECT count(*) AS n FROM import_batches b WHERE (SELECT count(*) FROM import_rows r WHERE r.batch_id = b.id) != b.row_count',
            )
            .get() as { n: number }
        ).n;
        if (batchesOff) problems.push(`cycle ${cycle}: ${batchesOff} import batch(es) with missing rows`);
      } finally {
        db.close();
      }
      first += PER_CYCLE;
    }

    // Every acknowledged write, exactly once.
    const db = new Database(dbPath, { readonly: true });
    try {
      const single = db.prepare(
        `SELECT count(*) AS n FROM invoices i JOIN shipments s ON s.id = i.shipment_id
         WHERE s.shipment_no = ? AND i.invoice_no = ? AND i.active = 1`,
      );
      const batch = db.prepare(
        `SELECT b.row_count AS rows, b.registered AS registered,
           (SELECT count(*) FROM invoices i WHERE i.shipment_id >= ? AND i.shipment_id < ? AND i.active = 1 AND i.via = 'excel') AS saved
         FROM import_batches b WHERE b.id = ?`,
      );
      for (const a of acked) {
        if (a.t === 'single') {
          totals.acknowledged += 1;
          const n = (single.get(a.shipmentNo, a.invoiceNo) as { n: number }).n;
          if (n !== 1) {
            totals.lost += 1;
            problems.push(`${a.shipmentNo} acknowledged, found ${n} time(s)`);
          }
        } else {
          totals.acknowledged += a.rows ?? 0;
          const row = batch.get(a.from, (a.from ?? 0) + (a.rows ?? 0), a.batchId) as
            { rows: number; registered: number; saved: number } | undefined;
          if (!row || row.saved !== a.rows || row.registered !== a.rows) {
            totals.lost += a.rows ?? 0;
            problems.push(`batch ${a.batchId} acknowledged, found ${JSON.stringify(row)}`);
          }
        }
      }
    } finally {
      db.close();
    }
    // The desk starts on what is left.
    const core = createCore({ dbPath, autoRelease: false, log: silentLogger });
    const listed = await core.dispatch(
      'shipments.list',
      { tab: 'preparing', limit: 1 },
      { operator: 'k', via: 'manual' },
    );
    core.close();

    console.info(
      `kill loop: ${totals.cycles} cycles (${totals.killed} killed mid-run, seed ${SEED}), ` +
        `${totals.acknowledged} acknowledged writes, lost ${totals.lost}, half batches ${totals.halfBatches}, ` +
        `integrity failures ${totals.integrityFailures}, doubles ${totals.doubles}`,
    );
    expect(problems).toEqual([]);
    expect(totals).toMatchObject({ lost: 0, halfBatches: 0, integrityFailures: 0, doubles: 0 });
    expect(totals.killed).toBeGreaterThanOrEqual(Math.ceil(CYCLES * 0.7)); // most cycles really were cut short
    expect(listed.ok).toBe(true);
  }, 1_200_000);
});
