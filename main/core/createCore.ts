// Wires the product together. Tests, the CLI, the Electron shell and the web host all start here.
import { openDatabase, type Db } from './db/open';
import { createEvents, type CoreEvents } from './events';
import { exportInvoices } from './exports/bulkInvoices';
import { exportDriverList, exportHistory } from './exports/deskLists';
import { exportGrid } from './exports/gridExport';
import { createImportService } from './imports/service';
import { createLogger, logLevelFrom, stderrSink, type Logger } from './log/logger';
import { createOrderService } from './orders/service';
import { mergeShipments, splitShipment } from './orders/splitMerge';
import { createDispatcher, type CallContext, type Dispatch, type Handlers } from './rpc/dispatch';
import { listCarriers, validateNumber } from './services/carriers';
import { createServiceContext, type ServiceContext } from './services/context';
import { listHistory } from './services/history';
import { deleteInvoice, modifyInvoice, registerInvoice, type Actor } from './services/invoices';
import type { ReleaseConnector } from './services/outbox';
import { publicSettings, readSettings, updateSettings } from './services/settings';
import { getShipment, listFacets, listShipments, updateAddress } from './services/shipments';
import type { KeyStore } from './sync/config';
import type { TrackingProvider } from './sync/provider';
import type { SyncRunner } from './sync/runner';
import { createSync, type Sync } from './sync/setup';
import type { SyncTuningInput } from './sync/tuning';

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
  /** The environment read for SHIPDESK_TRACKER_URL / _KEY / _KEY_FILE and SHIPDESK_RELEASE_URL (default process.env). */
  env?: Record<string, string | undefined>;
}

export interface Core {
  dispatch: Dispatch;
  events: CoreEvents;
  /** One pass over due outbox work; resolves with the shipments that moved. */
  runOutbox(): Promise<string[]>;
  /** Tracking sync: runCycle (what `shipdesk sync --once` does), refresh, state. */
  readonly sync: SyncRunner;
  close(): void;
  /** For tests and tools in this repo (benchmarks, demo data); screens never see it. */
  readonly db: Db;
}

function buildHandlers(
  ctx: ServiceContext,
  actorOf: (call: CallContext, via?: Actor['via']) => Actor,
  afterWrite: () => void,
  sync: Sync,
): Handlers {
  const write = <T>(result: T): T => {
    afterWrite();
    return result;
  };
  const imports = createImportService(ctx, afterWrite);
  const orders = createOrderService(ctx, afterWrite);
  return {
    'shipments.list': (q) => listShipments(ctx, q),
    'shipments.get': ({ shipmentNo }) => getShipment(ctx, shipmentNo),
    'shipments.updateAddress': (input, call) => updateAddress(ctx, input, actorOf(call, input.via)),
    'shipments.facets': () => listFacets(ctx),
    'invoices.register': (input, call) => write(registerInvoice(ctx, input, actorOf(call, input.via))),
    'invoices.modify': (input, call) => write(modifyInvoice(ctx, input, actorOf(call, input.via))),
    'invoices.delete': (input, call) => write(deleteInvoice(ctx, input, actorOf(call, input.via))),
    'invoices.history': ({ shipmentNo }) => listHistory(ctx, shipmentNo),
    'carriers.list': ({ region }) => listCarriers(region),
    'carriers.validate': ({ invoiceNo, carrierId }) => validateNumber(invoiceNo, carrierId),
    'settings.get': () => publicSettings(readSettings(ctx)),
    'settings.update': (patch) => publicSettings(updateSettings(ctx, patch)),
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
    'exports.grid': (input) => exportGrid(ctx, input),
    'exports.history': (input) => exportHistory(ctx, input),
    'exports.driverList': (input) => exportDriverList(ctx, input),
    ...sync.handlers,
  };
}

export function createCore(options: CoreOptions): Core {
  const log =
    options.log ??
    createLogger({
      sinks: [stderrSink()],
      level: logLevelFrom((options.env ?? process.env)['SHIPDESK_LOG_LEVEL'], 'warn'),
    });
  const db = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  const events = createEvents(log);
  const ctx = createServiceContext(db, options.clock ?? Date.now, events);
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

  const runOutbox = (): Promise<string[]> => {
    if (closed) return Promise.resolve([]);
    return sync.runner.releaseDue().catch((err: unknown) => {
      if (closed) return []; // the database closed under a pass in flight: the work stays queued
      log.error('outbox pass failed', { error: err });
      return [];
    });
  };

  const afterWrite = () => {
    if (!closed) sync.runner.publishState(); // the queue grew
    if (!autoRelease || closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void runOutbox();
    }, 0);
  };

  const actorOf = (call: CallContext, via?: Actor['via']): Actor => ({
    operator: call.operator || readSettings(ctx).operatorName || options.defaultOperator || 'operator',
    via: via ?? call.via,
  });

  const dispatch = createDispatcher(buildHandlers(ctx, actorOf, afterWrite, sync), log);
  if (options.sync) sync.runner.start(options.sync.intervalMs);

  return {
    dispatch,
    events,
    runOutbox,
    sync: sync.runner,
    db,
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      sync.runner.stop();
      db.close();
    },
  };
}

export type { CallContext, Dispatch } from './rpc/dispatch';
export type { Logger } from './log/logger';
