// Wires the sync into the core: the provider and release connector from options or configuration,
// the runner, and the 'sync.*' handlers. createCore calls createSync once.
import path from 'node:path';
import { isSafeEndpoint } from '../../../shared/api/contract';
import type { Logger } from '../log/logger';
import type { Handlers } from '../rpc/dispatch';
import type { ServiceContext } from '../services/context';
import { localReleaseConnector, type ReleaseConnector } from './outbox';
import {
  fileKeyStore,
  releaseEndpoint,
  syncSettingsView,
  trackerEndpoint,
  trackerKey,
  updateSyncSettings,
  type Env,
  type KeyStore,
  type SyncConfigSources,
} from './config';
import { listProblems } from './problems';
import type { TrackingProvider } from './provider';
import { httpReleaseConnector } from './releaseHttp';
import { createSyncRunner, type SyncRunner } from './runner';
import { trackerDeliveryProvider } from './trackerDelivery';
import type { SyncTuningInput } from './tuning';
import { listDeadLetters, retryDeadLetter, shipmentSyncViews } from './views';

export interface SyncOptions {
  dbPath: string;
  log: Logger;
  /** Instead of the configured tracker: tests and the demo carrier. */
  trackingProvider?: TrackingProvider;
  /** Instead of the configured release endpoint (or the local default). */
  releaseConnector?: ReleaseConnector;
  tuning?: SyncTuningInput;
  /** Where a key entered in settings is kept; default a 0600 file beside the database. */
  keyStore?: KeyStore;
  /** Default process.env. */
  env?: Env;
  random?: () => number;
}

export type SyncMethod =
  | 'sync.state'
  | 'sync.refresh'
  | 'sync.shipments'
  | 'sync.deadLetters'
  | 'sync.retryDeadLetter'
  | 'sync.problems'
  | 'sync.settings'
  | 'sync.updateSettings';

export interface Sync {
  runner: SyncRunner;
  handlers: Pick<Handlers, SyncMethod>;
}

export function createSync(ctx: ServiceContext, o: SyncOptions): Sync {
  const env = o.env ?? process.env;
  for (const name of ['SHIPDESK_TRACKER_URL', 'SHIPDESK_RELEASE_URL']) {
    const value = env[name]?.trim();
    if (value && !isSafeEndpoint(value))
      o.log.warn(
        `${name} is ignored: use an https:// address (http:// only to this computer), without a user name or password`,
      );
  }
  let complain: (detail: string) => void = () => undefined;
  const keyFile = env['SHIPDESK_TRACKER_KEY_FILE'] || `${path.resolve(o.dbPath)}.tracker-key`;
  const sources: SyncConfigSources = {
    env,
    keyStore: o.keyStore ?? fileKeyStore(keyFile, (detail) => complain(detail)),
  };

  // The key is read once per cycle (a rotated key applies at the next one), never per request.
  let key: string | null | undefined;
  let tracker: { url: string; provider: TrackingProvider } | null = null;
  const provider = (): TrackingProvider | null => {
    if (o.trackingProvider) return o.trackingProvider;
    const url = trackerEndpoint(ctx, sources).url;
    key = trackerKey(ctx, sources, url).key;
    if (!url || !key) return null;
    if (tracker?.url !== url) tracker = { url, provider: trackerDeliveryProvider({ url, key: () => key ?? null }) };
    return tracker.provider;
  };
  let release: { url: string; connector: ReleaseConnector } | null = null;
  const connector = (): ReleaseConnector => {
    if (o.releaseConnector) return o.releaseConnector;
    const url = releaseEndpoint(ctx, sources).url;
    if (!url) return localReleaseConnector;
    if (release?.url !== url) release = { url, connector: httpReleaseConnector({ url }) };
    return release.connector;
  };

  const runner = createSyncRunner(ctx, {
    provider,
    connector,
    log: o.log,
    tuning: o.tuning ?? {},
    ...(o.random ? { random: o.random } : {}),
  });
  complain = (detail) => runner.problems.record('key_file', '', keyFile, detail);
  const settings = () => syncSettingsView(ctx, sources, o.trackingProvider !== undefined);

  const handlers: Pick<Handlers, SyncMethod> = {
    'sync.state': () => runner.state(),
    'sync.refresh': ({ shipmentNos }) => {
      const { scheduled, done } = runner.refresh(shipmentNos);
      done.catch((err: unknown) =>
        o.log.error('refresh failed', { error: err instanceof Error ? err.message : String(err) }),
      );
      return { scheduled };
    },
    'sync.shipments': ({ shipmentNos }) => shipmentSyncViews(ctx, shipmentNos),
    'sync.deadLetters': ({ limit }) => listDeadLetters(ctx, limit),
    'sync.retryDeadLetter': ({ id }) => {
      // Sent by the next release pass or cycle.
      retryDeadLetter(ctx, id);
      runner.publishState();
      return { queued: runner.state().queued };
    },
    'sync.problems': ({ limit }) => listProblems(ctx, limit),
    'sync.settings': () => settings(),
    'sync.updateSettings': (patch) => {
      updateSyncSettings(ctx, sources, patch);
      return settings();
    },
  };
  return { runner, handlers };
}
