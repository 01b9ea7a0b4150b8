// The change feed never skips a change that commits late, and pushes wake stations to pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../main/core/poolLink/client';
import { START_CURSOR } from '../../main/hub/feed';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';

let env: TestPool;
let a: HubClient;

beforeAll(async () => {
  env = await startTestPool('feed');
  a = env.client(await env.startHub(), await env.enrol('A'));
  const shipments = Array.from({ length: 12 }, (_, i) => poolShipment(i + 1));
  await a.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'kim' })]);
});
afterAll(() => env.close());

async function pullAll(client: HubClient, from: string, limit = 3) {
  const seen: string[] = [];
  let cursor = from;
  for (;;) {
    const page = await client.changes(cursor, limit);
    for (const c of page.changes) if (c.kind === 'shipment') seen.push(c.state.shipmentNo);
    cursor = page.cursor;
    if (!page.more) return { seen, cursor };
  }
}

/**
 * Pulls until `want` shipments have come (the horizon is cluster-wide: another test file's open
 * transaction can hold a change back for a moment, never skip it).
 */
async function pullUntil(client: HubClient, from: string, want: number) {
  const seen: string[] = [];
  let cursor = from;
  const deadline = Date.now() + 30_000;
  while (seen.length < want && Date.now() < deadline) {
    const page = await pullAll(client, cursor, 100);
    seen.push(...page.seen);
    cursor = page.cursor;
    if (seen.length < want) await new Promise((r) => setTimeout(r, 50));
  }
  return { seen, cursor };
}

describe('the change feed', () => {
  it('delivers every shipment of the pool in pages', async () => {
    const { seen } = await pullUntil(a, START_CURSOR, 12);
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => poolShipment(i + 1).shipmentNo)));
  });

  it('holds back a change that committed after one still running, and delivers both once the slow one commits', async () => {
    const { cursor } = await pullUntil(a, START_CURSOR, 12);
    // A slow transaction takes its change number first and stays open...
    const slow = await env.pool.connect();
    await slow.query('BEGIN');
    await slow.query(`INSERT INTO changes (shipment_no) VALUES ($1)`, [poolShipment(5).shipmentNo]);
    // ...while a fast one registers a number and commits.
    const [fast] = await a.push([
      op('register', poolShipment(6).shipmentNo, {
        carrierId: 'kr.cjlogistics',
        invoiceNo: validNumber(606),
        operator: 'kim',
        via: 'scan',
      }),
    ]);
    expect(fast?.verdict).toBe('applied');
    const during = await pullAll(a, cursor, 100);
    // Nothing behind the open transaction is handed out, so the cursor cannot pass the slow change.
    expect(during.seen).toEqual([]);
    expect(during.cursor).toBe(cursor);
    await slow.query('COMMIT');
    slow.release();
    const after = await pullUntil(a, during.cursor, 2);
    expect(after.seen.sort()).toEqual([poolShipment(5).shipmentNo, poolShipment(6).shipmentNo]);
  });

  it('pushes to connected stations when a change commits', async () => {
    const hub = env.hubs[0]!;
    const b = env.client(hub, await env.enrol('B'));
    let pulls = 0;
    let wake: () => void = () => undefined;
    const listening = b.listen(() => {
      pulls++;
      wake();
    });
    const waitPull = (n: number) =>
      new Promise<void>((resolve) => {
        wake = () => pulls >= n && resolve();
        wake();
      });
    await waitPull(1); // the greeting on connect
    await a.push([
      op('register', poolShipment(7).shipmentNo, {
        carrierId: 'kr.cjlogistics',
        invoiceNo: validNumber(707),
        operator: 'kim',
        via: 'scan',
      }),
    ]);
    await waitPull(2);
    listening.close();
    expect(pulls).toBeGreaterThanOrEqual(2);
  });
});
