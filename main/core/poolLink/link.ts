// A member station's link to its hubs: push the queued operations (in the order they were made), pull
// the pool's changes from the saved cursor, and, while running, listen for the hub's "pull now" and ask
// the hub regularly (the heartbeat: a feed pull, which also proves the token). Every page of verdicts
// or changes is recorded in one transaction with the cursor, so a station killed at any point resumes
// without losing or doubling anything (a retried op id gets the stored verdict).
import { z } from 'zod';
import { rowReader } from '../db/rows';
import type { PoolLinkState } from '../../../shared/api/contract';
import { OperationSchema, type Verdict } from '../../../shared/hub';
import type { ServiceContext } from '../services/context';
import { applyPoolEvent } from './applyState';
import { createHubClient, HubRequestError, type HubClient } from './client';
import { readCursor, writeCursor, type Membership } from './membership';
import { createParkedOps } from './parked';
import { offerPoolState, recordVerdict, type VerdictOutcome } from './verdicts';

export interface HubSyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  /** The hub could not be reached: the queue waits. */
  offline: boolean;
  /** The hub refused this station (token, version): what to do, in words. */
  refused: string | null;
}

export interface HubLink {
  /** Push everything queued, then pull everything new. */
  syncOnce(): Promise<HubSyncReport>;
  /** Push soon (after a local change). */
  nudge(): void;
  /** Follow the hub's pushes, ask the hub regularly and drain after every change until stopped. */
  start(): void;
  stop(): void;
  /** A hub answered within the last few seconds (docs/HUB.md, "Status"). */
  readonly online: boolean;
  /** online, offline, or the hub refuses this station: revoked (token) or refused (version, request). */
  readonly state: PoolLinkState;
  readonly lastRefusal: string | null;
}

export interface HubLinkOptions {
  membership: Membership;
  /** Tells the screens which rows changed. */
  changed(shipmentNos: string[]): void;
  /** Queue length or online state changed. */
  stateChanged(): void;
  batch?: number;
  pageSize?: number;
  /** How often a live link asks the hub (default 2 s). */
  heartbeatMs?: number;
  /** Online only if a hub answered within this window (default 6 s: three heartbeats). */
  onlineWindowMs?: number;
  /** Tests inject a client that can lose the network. */
  client?: HubClient;
  /** A sync that failed for another reason than the network (logged by the core). */
  failed?: (err: unknown) => void;
}

const emptyReport = (): HubSyncReport => ({ pushed: 0, pulled: 0, conflicts: 0, offline: false, refused: null });

const pendingOp = rowReader(
  'pending hub operation',
  z.object({ op_id: z.string(), shipment_no: z.string(), op: z.string(), attempts: z.number() }),
);

export function createHubLink(ctx: ServiceContext, o: HubLinkOptions): HubLink {
  const client = o.client ?? createHubClient({ url: o.membership.urls, token: o.membership.token ?? '' });
  const batch = o.batch ?? 200;
  const pageSize = o.pageSize ?? 1000;
  const heartbeatMs = o.heartbeatMs ?? 2_000;
  const windowMs = o.onlineWindowMs ?? 3 * heartbeatMs;
  /** When a hub last answered (this process's clock, never the desk's injectable one). */
  let answeredAt: number | null = null;
  let refusal: { message: string; revoked: boolean } | null = null;
  let published: PoolLinkState | null = null;
  let failures = 0;
  let nextTryAt = 0;
  let beat: NodeJS.Timeout | null = null;
  let running: Promise<HubSyncReport> | null = null;
  let again = false;
  let listener: { close(): void } | null = null;
  let stopped = false;
  const parked = createParkedOps();

  const stateNow = (): PoolLinkState => {
    if (refusal) return refusal.revoked ? 'revoked' : 'refused';
    return answeredAt !== null && Date.now() - answeredAt <= windowMs ? 'online' : 'offline';
  };
  /** Tells the screens when the state moved (an answer, a failure, or the window running out). */
  const publish = () => {
    const now = stateNow();
    if (now === published) return;
    published = now;
    o.stateChanged();
  };
  /** An answer after the window ran out unseen (no heartbeat, e.g. a link driven by hand): say so again. */
  const answered = () => {
    if (answeredAt === null || Date.now() - answeredAt > windowMs) published = null;
    answeredAt = Date.now();
  };

  /**
   * Sends the queue in batches. A 5xx for a batch is narrowed down by halving it: the operations before
   * the one the hub fails on still go, that one is set aside with a growing delay (parked.ts) and the
   * rest follow. When the next operation fails too, the hub itself is failing: the queue waits whole.
   */
  async function push(report: HubSyncReport): Promise<void> {
    let size = batch;
    let suspect: string | null = null;
    for (;;) {
      const held = JSON.stringify(parked.heldShipments());
      const rows = pendingOp.all(
        ctx
          .prepare(
            `SELECT op_id, shipment_no, op, attempts FROM hub_ops
           WHERE state = 'pending' AND shipment_no NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?`,
          )
          .all(held, size),
      );
      if (!rows.length) return;
      // Sent as stored; a row that no longer parses is still sent, so the hub's refusal is recorded.
      const ops = rows.map((r) => {
        const parsed = OperationSchema.safeParse(JSON.parse(r.op));
        return parsed.success ? parsed.data : JSON.parse(r.op);
      });
      let verdicts: Verdict[];
      try {
        verdicts = await client.push(ops);
      } catch (err) {
        if (!(err instanceof HubRequestError) || err.kind !== 'failed') throw err;
        if (rows.length > 1) {
          size = Math.ceil(rows.length / 2);
          continue;
        }
        if (suspect) {
          parked.release(suspect);
          throw err;
        }
        const lone = rows[0]!;
        ctx
          .prepare(`UPDATE hub_ops SET attempts = attempts + 1, last_error = ? WHERE op_id = ?`)
          .run(err.message.slice(0, 500), lone.op_id);
        parked.park(lone.op_id, lone.shipment_no, lone.attempts + 1);
        suspect = lone.op_id;
        continue;
      }
      // The hub takes other operations: the one set aside is its own trouble.
      if (suspect) size = batch;
      suspect = null;
      const out: VerdictOutcome = { conflicts: 0, changed: [] };
      ctx.db.transaction(() => verdicts.forEach((v) => recordVerdict(ctx, v, out)))();
      report.pushed += verdicts.length;
      report.conflicts += out.conflicts;
      if (out.changed.length) o.changed(out.changed);
      o.stateChanged();
      if (verdicts.length < rows.length) return;
    }
  }

  async function pull(report: HubSyncReport): Promise<void> {
    for (;;) {
      const page = await client.changes(readCursor(ctx), pageSize);
      const changed: string[] = [];
      ctx.db.transaction(() => {
        for (const c of page.changes) {
          if (c.kind === 'event') applyPoolEvent(ctx, c.event);
          else if (offerPoolState(ctx, c.state)) changed.push(c.state.shipmentNo);
        }
        writeCursor(ctx, page.cursor);
      })();
      report.pulled += page.changes.length;
      if (changed.length) o.changed(changed);
      if (!page.more) return;
    }
  }

  async function run(): Promise<HubSyncReport> {
    const report = emptyReport();
    try {
      await push(report);
      await pull(report);
      answered();
      refusal = null;
      failures = 0;
      nextTryAt = 0;
    } catch (err) {
      if (!(err instanceof HubRequestError)) throw err;
      report.offline = err.kind !== 'refused';
      answeredAt = null;
      if (err.kind === 'refused') {
        report.refused = err.message;
        // 401: the pool does not know this token (revoked, or never issued); 426 and others: what to do.
        refusal = { message: err.message, revoked: err.code === 'UNAUTHORIZED' };
        ctx.prepare(`UPDATE hub_ops SET last_error = ? WHERE state = 'pending'`).run(err.message.slice(0, 500));
      }
      // Backoff: the heartbeat asks again after 2, 4, 8, 15 s while every hub fails or refuses.
      failures++;
      nextTryAt = Date.now() + Math.min(15_000, heartbeatMs * 2 ** (failures - 1));
    } finally {
      publish();
    }
    return report;
  }

  function syncOnce(): Promise<HubSyncReport> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const total = emptyReport();
      do {
        again = false;
        const r = await run();
        total.pushed += r.pushed;
        total.pulled += r.pulled;
        total.conflicts += r.conflicts;
        total.offline = r.offline;
        total.refused = r.refused;
        if (r.offline || r.refused) break;
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const nudge = () => {
    if (stopped) return;
    syncOnce().catch((err: unknown) => o.failed?.(err));
  };

  /** The heartbeat: a sync (a feed pull when nothing waits) unless backing off; the window is checked every beat. */
  const heartbeat = () => {
    publish();
    if (!running && Date.now() >= nextTryAt) nudge();
  };

  return {
    syncOnce,
    nudge,
    start() {
      if (listener || stopped) return;
      listener = client.listen(nudge, (connected) => {
        if (connected) nudge();
      });
      beat = setInterval(heartbeat, heartbeatMs);
      beat.unref();
    },
    stop() {
      stopped = true;
      listener?.close();
      listener = null;
      if (beat) clearInterval(beat);
    },
    get online() {
      return stateNow() === 'online';
    },
    get state() {
      return stateNow();
    },
    get lastRefusal() {
      return refusal?.message ?? null;
    },
  };
}
