import { expect } from 'vitest';
// Packing stations for the pool tests: real cores on real SQLite files, joined to a hub through a
// client whose network the test can cut (no answer at all) or break after the hub has answered
// (the hub committed, the station never heard).
import { createHubClient, HubRequestError, type HubClient } from '../../main/core/poolLink/client';
import type { OutboxKind } from '../../main/core/services/outboxQueue';
import type { ReleaseConnector } from '../../main/core/sync/outbox';
import type { HubServer } from '../../main/hub/server';
import { startTestCore, type TestCore } from './core';
import type { TestPool } from './hubEnv';

export interface Network {
  /** No request reaches the hub. */
  cut: boolean;
  /** The next N pushes reach the hub, which commits, but the answer is lost on the way back. */
  loseAnswers: number;
  /** The next N pushes fail before reaching the hub, after this many succeeded (a drain cut half-way). */
  failAfterPushes: number | null;
  pushes: number;
}

export interface TestStation {
  name: string;
  core: TestCore;
  net: Network;
  /** Carrier work this station actually sent (release / withdraw), in order. */
  sent: { kind: OutboxKind; shipmentNo: string; invoiceNo: string; key: string }[];
  /** Push and pull once; then send the carrier work the verdicts freed. */
  sync(): Promise<{ pushed: number; pulled: number; conflicts: number; offline: boolean }>;
  /** The station is killed and started again on the same file. */
  restart(): Promise<void>;
  close(): void;
}

type Row = { shipment_no: string; status: string; carrier_id: string | null; invoice_no: string | null };

/** Every station pulls until each one's shipments equal the pool's (waiting, never sleeping blindly). */
export async function expectAgreement(env: TestPool, stations: readonly TestStation[]): Promise<Row[]> {
  const poolRows = async () =>
    (
      await env.pool.query<Row>(
        `SELECT s.shipment_no, s.status, i.carrier_id, i.invoice_no FROM shipments s
         LEFT JOIN invoices i ON i.shipment_no = s.shipment_no AND i.active WHERE NOT s.retired ORDER BY s.shipment_no`,
      )
    ).rows;
  const stationRows = (st: TestStation) =>
    st.core.db
      .prepare(
        `SELECT s.shipment_no, s.status, i.carrier_id, i.invoice_no FROM shipments s
         LEFT JOIN invoices i ON i.id = s.invoice_id ORDER BY s.shipment_no`,
      )
      .all() as Row[];
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const st of stations) await st.sync();
    const want = await poolRows();
    const diverged = stations.filter((st) => JSON.stringify(stationRows(st)) !== JSON.stringify(want));
    // The feed holds changes behind any transaction still open in the cluster: pull again until they come.
    if (!diverged.length || Date.now() > deadline) {
      for (const st of stations) {
        const mine = stationRows(st);
        const differ = want.filter((w, i) => JSON.stringify(w) !== JSON.stringify(mine[i]));
        const theirs = differ.map((w) => mine.find((m) => m.shipment_no === w.shipment_no) ?? null);
        expect({ station: st.name, rows: theirs }, 'rows that differ from the pool').toEqual({
          station: st.name,
          rows: differ,
        });
      }
      return want;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const unreachable = () =>
  new HubRequestError('unreachable', 'OFFLINE', 'The hub did not answer (network cut by the test).');

function flakyClient(real: HubClient, net: Network): HubClient {
  return {
    hello: () => (net.cut ? Promise.reject(unreachable()) : real.hello()),
    changes: (after, limit) => (net.cut ? Promise.reject(unreachable()) : real.changes(after, limit)),
    async push(ops) {
      if (net.cut) throw unreachable();
      if (net.failAfterPushes !== null && net.pushes >= net.failAfterPushes) {
        net.failAfterPushes = null;
        net.cut = true;
        throw unreachable();
      }
      net.pushes++;
      const verdicts = await real.push(ops);
      if (net.loseAnswers > 0) {
        net.loseAnswers--;
        throw unreachable();
      }
      return verdicts;
    },
    listen: (onPull, onState) => real.listen(onPull, onState),
  };
}

export async function startStation(
  env: TestPool,
  hub: HubServer,
  name: string,
  o: {
    batch?: number;
    /** Follows the hub's pushes and drains after every change, as the app does (no test calls sync). */
    live?: boolean;
    /** Work done on the desk before it joins the pool (a stand-alone desk that joins later). */
    beforeJoin?: (core: TestCore) => Promise<void> | void;
  } = {},
): Promise<TestStation> {
  const token = await env.enrol(name);
  const net: Network = { cut: false, loseAnswers: 0, failAfterPushes: null, pushes: 0 };
  const sent: TestStation['sent'] = [];
  const connector: ReleaseConnector = {
    async send(kind, payload, key) {
      sent.push({ kind, shipmentNo: payload.shipmentNo, invoiceNo: payload.invoiceNo, key });
      return { ok: true };
    },
  };
  const client = flakyClient(createHubClient({ url: hub.url, token }), net);
  const open = (reopen?: { dir: string; now: number }) =>
    startTestCore(
      {
        hub: { client, ...(o.batch ? { batch: o.batch } : {}), ...(o.live ? { live: true } : {}) },
        releaseConnector: connector,
      },
      reopen,
    );
  let core = open();
  await o.beforeJoin?.(core);
  await core.joinHub({ url: hub.url, token });
  const station: TestStation = {
    name,
    get core() {
      return core;
    },
    net,
    sent,
    async sync() {
      const r = await core.hub!.syncOnce();
      // Send what the verdicts freed, then tell the pool the carrier has it ("released").
      if ((await core.runOutbox()).length && !r.offline) {
        const more = await core.hub!.syncOnce();
        return { ...r, pushed: r.pushed + more.pushed, pulled: r.pulled + more.pulled, offline: more.offline };
      }
      return r;
    },
    async restart() {
      const { dir, now } = core;
      core.close();
      core = open({ dir, now: now.value });
    },
    close() {
      core.cleanup();
    },
  };
  return station;
}
