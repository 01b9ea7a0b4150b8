// Wires the product together. Tests, the CLI, the Electron shell and the web host all start here.
import { openDatabase, type Db } from './db/open';
import { createEvents, type CoreEvents } from './events';
import { createDispatcher, type CallContext, type Dispatch, type Handlers, type Logger } from './rpc/dispatch';
import { listCarriers, validateNumber } from './services/carriers';
import { createServiceContext, type ServiceContext } from './services/context';
import { listHistory } from './services/history';
import { deleteInvoice, modifyInvoice, registerInvoice, type Actor } from './services/invoices';
import { drainOutbox, localReleaseConnector, type ReleaseConnector } from './services/outbox';
import { publicSettings, readSettings, updateSettings } from './services/settings';
import { getShipment, listFacets, listShipments, updateAddress } from './services/shipments';

export interface CoreOptions {
  dbPath: string;
  clock?: () => number;
  log?: Logger;
  releaseConnector?: ReleaseConnector;
  /** Send released work right after each change (default). Tests may turn it off and call runOutbox. */
  autoRelease?: boolean;
  /** Who acts when neither the call nor the settings name an operator. */
  defaultOperator?: string;
}

export interface Core {
  dispatch: Dispatch;
  events: CoreEvents;
  /** One pass over due outbox work; resolves with the shipments that moved. */
  runOutbox(): Promise<string[]>;
  close(): void;
  /** For tests and tools in this repo (benchmarks, demo data); screens never see it. */
  readonly db: Db;
}

const consoleLog: Logger = {
  warn: (message, details) => console.warn(`[shipdesk] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[shipdesk] ${message}`, details ?? ''),
};

function buildHandlers(ctx: ServiceContext, actorOf: (call: CallContext, via?: Actor['via']) => Actor, afterWrite: () => void): Handlers {
  const write = <T>(result: T): T => {
    afterWrite();
    return result;
  };
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
  };
}

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.dbPath);
  const events = createEvents();
  const ctx = createServiceContext(db, options.clock ?? Date.now, events);
  const log = options.log ?? consoleLog;
  const connector = options.releaseConnector ?? localReleaseConnector;
  const autoRelease = options.autoRelease ?? true;
  let closed = false;
  let draining: Promise<string[]> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const runOutbox = (): Promise<string[]> => {
    if (closed) return Promise.resolve([]);
    draining ??= drainOutbox(ctx, connector)
      .catch((err: unknown) => {
        if (closed) return []; // the database closed under a pass in flight: the work stays queued
        log.error('outbox pass failed', { error: err instanceof Error ? err.message : String(err) });
        return [];
      })
      .finally(() => {
        draining = null;
      });
    return draining;
  };

  const afterWrite = () => {
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

  const dispatch = createDispatcher(buildHandlers(ctx, actorOf, afterWrite), log);

  return {
    dispatch,
    events,
    runOutbox,
    db,
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      db.close();
    },
  };
}

export type { CallContext, Dispatch, Logger } from './rpc/dispatch';
