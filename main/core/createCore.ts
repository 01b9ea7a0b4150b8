// Wires the product together. Tests, the CLI, the Electron shell and the web host all start here.
import { ShipdeskError } from '../../shared/errors';
import { openDatabase, type Db } from './db/open';
import { createDataCare, type DataCare } from './backup/care';
import { createEvents, type CoreEvents } from './push/events';
import { createCommitWorker, type CommitWorker } from './commitWorker/commitWorkerHost';
import { exportInvoices } from './exports/bulkInvoices';
import { exportDriverList, exportHistory } from './exports/deskLists';
import { exportGrid } from './exports/gridExport';
import { createImportService } from './imports/service';
import { createLogger, logLevelFrom, stderrSink, type Logger } from './log/logger';
import { createOrderService } from './orders/service';
import { mergeShipments, splitShipment } from './orders/splitMerge';
import { createDispatcher, type CallContext, type Dispatch, type Handlers } from './rpc/dispatch';
import { applyMethodKinds } from './rpc/methodKinds';
import { listCarriers, validateNumber } from './services/carriers';
import type { ServiceContext } from './services/context';
import { listHistory } from './services/history';
import { deleteInvoice, modifyInvoice, registerInvoice, type Actor } from './services/invoices';
import type { ReleaseConnector } from './sync/outbox';
import { actingOperator, publicSettings, readSettings, updateSettings } from './services/settings';
import { listShipments } from './services/shipmentList';
import { getShipment, listFacets, updateAddress } from './services/shipments';
import type { KeyStore } from './sync/config';
import type { TrackingProvider } from './sync/provider';
import type { SyncRunner } from './sync/runner';
import { createSync, type Sync } from './sync/setup';
import type { SyncTuningInput } from './sync/tuning';
import type { HubClient } from './poolLink/client';
import { listConflicts, poolStateView, resolveConflict } from './poolLink/conflicts';
import { joinPool, type JoinResult } from './poolLink/join';
import { createHubLink, type HubLink } from './poolLink/link';
import { readMembership } from './poolLink/membership';
import { createStationContext } from './poolLink/record';

export interface CoreOptions {
  dbPath: string;
  /** See openDatabase: the Electron build of the SQLite driver when running from a checkout. */
  nativeBinding?: string;
  clock?: () => number;
  log?: Logger;
  releaseConnector?: ReleaseConnector;
  /** Send released work right after each change (default). Tests may turn it off and call runOutbox. */
  autoRelease?: boolean;
  /** Who acts when neither the call nor the settings name an operator. */
  defaultOperator?: string;
  /** Instead of the configured tracker (settings / SHIPDESK_TRACKER_URL): tests and the demo carrier. */
  trackingProvider?: TrackingProvider;
  /** Run the background sync loop (release due work, poll due numbers). Off unless asked, so tests and the CLI stay deterministic. */
  sync?: { intervalMs: number };
  /** Rate limits, poll intervals, timeouts: tests and the demo carrier shorten them. */
  syncTuning?: SyncTuningInput;
  /** Where a tracker key entered in settings is kept (desktop: safeStorage); default a 0600 file beside the database. */
  trackerKeyStore?: KeyStore;
  /** Daily backups (and the retention purge) on a timer: the desktop app and the web host. Off by default. */
  dataCare?: boolean;
  /** The environment read for SHIPDESK_TRACKER_URL / _KEY / _KEY_FILE and SHIPDESK_RELEASE_URL (default process.env). */
  env?: Record<string, string | undefined>;
  /** A member of a pool: follow the hub's pushes (the app, the web host). Tests inject a client that can lose the network. */
  hub?: { live?: boolean; client?: HubClient; batch?: number; heartbeatMs?: number };
}

export interface Core {
  dispatch: Dispatch;
  events: CoreEvents;
  /** One pass over due outbox work; resolves with the shipments that moved. */
  runOutbox(): Promise<string[]>;
  /** Tracking sync: runCycle (what `shipdesk sync --once` does), refresh, state. */
  readonly sync: SyncRunner;
  close(): void;
  /** Backups and retention: what the daily timer does, for tests and tools. */
  readonly dataCare: Pick<DataCare, 'dailyPass'>;
  /** For tests and tools in this repo (benchmarks, demo data); screens never see it. */
  readonly db: Db;
  /** The link to the pool's hub, when this station is a member (after `join`). */
  readonly hub: HubLink | null;
  /** Makes this station a member of a pool (`shipdesk join`). */
  joinHub(o: { url: string | readonly string[]; token: string }): Promise<JoinResult>;
}

function buildHandlers(
  ctx: ServiceContext,
  actorOf: (call: CallContext, via?: Actor['via']) => Actor,
  computerUser: string,
  afterWrite: () => void,
  sync: Sync,
  care: DataCare,
  hub: () => HubLink | null,
  committer: CommitWorker | null,
): Handlers {
  // How each method runs (at once, queued, a write followed by afterWrite, or queueing itself) is
  // declared beside it in shared/api/ and applied by applyMethodKinds (docs/ARCHITECTURE.md "The
  // contract and the dispatcher"); the two imports' commit jobs report their change themselves.
  const imports = createImportService(ctx, afterWrite, {}, committer);
  const orders = createOrderService(ctx, afterWrite, {}, committer);
  return {
    'shipments.list': (q) => listShipments(ctx, q),
    'shipments.get': ({ shipmentNo }) => getShipment(ctx, shipmentNo),
    'shipments.updateAddress': (input, call) => updateAddress(ctx, input, actorOf(call, input.via)),
    'shipments.facets': () => listFacets(ctx),
    'invoices.register': (input, call) => registerInvoice(ctx, input, actorOf(call, input.via)),
    'invoices.modify': (input, call) => modifyInvoice(ctx, input, actorOf(call, input.via)),
    'invoices.delete': (input, call) => deleteInvoice(ctx, input, actorOf(call, input.via)),
    'invoices.history': ({ shipmentNo }) => listHistory(ctx, shipmentNo),
    'carriers.list': ({ region }) => listCarriers(region),
    'carriers.validate': ({ invoiceNo, carrierId }) => validateNumber(invoiceNo, carrierId),
    'settings.get': (_, call) => {
      const s = readSettings(ctx);
      return publicSettings(s, actingOperator(s, call.operator, computerUser));
    },
    'settings.update': (patch, call) => {
      const s = updateSettings(ctx, patch);
      return publicSettings(s, actingOperator(s, call.operator, computerUser));
    },
    'imports.template': () => imports.template(),
    'imports.preview': (input) => imports.preview(input),
    'imports.commit': (input, call) => imports.commit(input, actorOf(call, 'excel')),
    'imports.failedRows': (input) => imports.failedRows(input),
    'exports.preparingTemplate': (input) => imports.preparingTemplate(input),
    'orders.preview': (input) => orders.preview(input),
    'orders.commit': (input, call) => orders.commit(input, actorOf(call, 'excel')),
    'orders.profiles': () => orders.profiles(),
    'orders.deleteProfile': (input) => orders.deleteProfile(input),
    'orders.template': () => orders.template(),
    'shipments.split': (input, call) => splitShipment(ctx, input, actorOf(call)),
    'shipments.merge': (input, call) => mergeShipments(ctx, input, actorOf(call)),
    'exports.invoices': (input) => exportInvoices(ctx, input),
    'exports.grid': (input, call) => exportGrid(ctx, input, call.sink),
    'exports.history': (input) => exportHistory(ctx, input),
    'exports.driverList': (input) => exportDriverList(ctx, input),
    ...sync.handlers,
    ...care.handlers,
    'conflicts.list': (q) => listConflicts(ctx, q),
    'conflicts.resolve': (input, call) => resolveConflict(ctx, input, actorOf(call)),
    'pool.state': () => poolStateView(ctx, hub()),
    // The database opened: nothing to recover (see main/core/recovery/desk.ts for when it did not).
    'recovery.state': () => ({ state: 'open', problem: null, databaseFile: null, backups: [] }),
    'recovery.restore': () => {
      throw new ShipdeskError(
        'DATABASE_IN_USE',
        'The database is open and working, so no backup is put in its place. To go back to a backup, close ' +
          'Shipdesk and use "shipdesk restore".',
      );
    },
  };
}

export function createCore(options: CoreOptions): Core {
  const log =
    options.log ??
    createLogger({
      sinks: [stderrSink()],
      level: logLevelFrom((options.env ?? process.env)['SHIPDESK_LOG_LEVEL'], 'warn'),
    });
  const db = openDatabase(options.dbPath, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  // An import commit's one long transaction runs here, off the main thread (a file needs a second connection).
  const committer =
    options.dbPath === ':memory:' || options.dbPath === ''
      ? null
      : createCommitWorker({
          dbPath: options.dbPath,
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        });
  const events = createEvents(log);
  // Every change a service records reaches the pool link in its transaction (services/changeRecorded.ts).
  const ctx = createStationContext(db, options.clock ?? Date.now, events);
  const autoRelease = options.autoRelease ?? true;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const sync = createSync(ctx, {
    dbPath: options.dbPath,
    log,
    ...(options.trackingProvider ? { trackingProvider: options.trackingProvider } : {}),
    ...(options.releaseConnector ? { releaseConnector: options.releaseConnector } : {}),
    ...(options.syncTuning ? { tuning: options.syncTuning } : {}),
    ...(options.trackerKeyStore ? { keyStore: options.trackerKeyStore } : {}),
    ...(options.env ? { env: options.env } : {}),
  });

  let hub: HubLink | null = null;
  const runOutbox = (): Promise<string[]> => {
    if (closed) return Promise.resolve([]);
    return sync.runner.releaseDue().catch((err: unknown) => {
      if (closed) return []; // the database closed under a pass in flight: the work stays queued
      log.error('outbox pass failed', { error: err });
      return [];
    });
  };

  const connectHub = () => {
    const membership = readMembership(ctx, options.dbPath);
    if (!membership || closed) return;
    hub?.stop();
    hub = createHubLink(ctx, {
      membership,
      changed: (shipmentNos) => ctx.events.emit({ type: 'shipments.changed', shipmentNos }),
      stateChanged: () => {
        if (closed) return;
        sync.runner.publishState();
        if (hub) ctx.events.emit({ type: 'pool.state', link: hub.state });
        // A verdict may have freed held carrier work.
        if (autoRelease) void runOutbox();
      },
      ...(options.hub?.client ? { client: options.hub.client } : {}),
      ...(options.hub?.batch ? { batch: options.hub.batch } : {}),
      ...(options.hub?.heartbeatMs ? { heartbeatMs: options.hub.heartbeatMs } : {}),
      failed: (err) => {
        if (!closed) log.error('pool sync failed', { error: err instanceof Error ? err.message : String(err) });
      },
    });
    if (options.hub?.live || options.sync) hub.start();
  };
  connectHub();

  // Whatever queued an operation for the hub (an address edit, a "released" note), the link sends it
  // once the transaction has committed, never left for an unrelated change (docs/HUB.md, "The
  // station's queue and the carrier").
  let waking = false;
  ctx.hubOpQueued = () => {
    if (waking || closed) return;
    waking = true;
    setImmediate(() => {
      waking = false;
      if (ctx.db.inTransaction) return void setTimeout(ctx.hubOpQueued, 50);
      if (hub && !closed && (autoRelease || options.hub?.live)) hub.nudge();
    });
  };

  const afterWrite = () => {
    if (!closed) sync.runner.publishState(); // the queue grew
    // A member's change goes to the hub at once (its carrier work waits for the verdict).
    if (hub && (autoRelease || options.hub?.live)) hub.nudge();
    if (!autoRelease || closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void runOutbox();
    }, 0);
  };

  const computerUser = options.defaultOperator || 'operator';
  const actorOf = (call: CallContext, via?: Actor['via']): Actor => ({
    // Same order as actingOperator(); the settings are read only when the call names no one.
    operator: call.operator || readSettings(ctx).operatorName || computerUser,
    via: via ?? call.via,
  });

  const care = createDataCare(ctx, {
    dbFile: options.dbPath,
    log,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const handlers = buildHandlers(ctx, actorOf, computerUser, afterWrite, sync, care, () => hub, committer);
  const dispatch = createDispatcher(
    applyMethodKinds(handlers, { queue: (work) => ctx.writes.run(work), afterWrite }),
    log,
  );
  if (options.sync) sync.runner.start(options.sync.intervalMs);
  if (options.dataCare) care.start();

  return {
    dispatch,
    events,
    runOutbox,
    sync: sync.runner,
    dataCare: { dailyPass: care.dailyPass },
    db,
    get hub() {
      return hub;
    },
    async joinHub(o) {
      const result = await joinPool(ctx, options.dbPath, {
        ...o,
        ...(options.hub?.client ? { client: options.hub.client } : {}),
      });
      connectHub();
      return result;
    },
    close() {
      if (closed) return;
      closed = true;
      hub?.stop();
      if (timer) clearTimeout(timer);
      sync.runner.stop();
      care.stop();
      committer?.close();
      db.close();
    },
  };
}

export type { CallContext, Dispatch } from './rpc/dispatch';
export type { Logger } from './log/logger';
