// `shipdesk join`: a station becomes a member of a pool. The hub confirms the token (and says which
// station it is); the station keeps the address and token, and offers every shipment it already has,
// each as an operation like any other, so the pool takes it or says what it has instead.
import { randomUUID } from 'node:crypto';
import { ShipdeskError } from '../../../shared/errors';
import { OperationSchema } from '../../../shared/hub';
import type { ServiceContext } from '../services/context';
import { createHubClient, HubRequestError, type HubClient } from './client';
import { readMembership, writeMembership } from './membership';
import { exportShipments } from './poolExport';
import { enqueueHubOp } from './record';

export interface JoinResult {
  station: string;
  offered: number;
}

const PAGE = 1000;

export async function joinPool(
  ctx: ServiceContext,
  dbPath: string,
  o: { url: string | readonly string[]; token: string; client?: HubClient },
): Promise<JoinResult> {
  const urls = typeof o.url === 'string' ? [o.url] : [...new Set(o.url)];
  if (!urls.length) throw new ShipdeskError('INVALID_INPUT', 'Give the address of at least one hub of the pool.');
  const client = o.client ?? createHubClient({ url: urls, token: o.token });
  let station: string;
  let stationCode: number;
  try {
    ({ station, stationCode } = await client.hello());
  } catch (err) {
    if (err instanceof HubRequestError)
      throw new ShipdeskError(err.kind === 'refused' ? 'UNAUTHORIZED' : 'OFFLINE', err.message);
    throw err;
  }
  const already = readMembership(ctx, dbPath);
  // Joining again may name more (or other) hubs of the same pool, but at least one it knew.
  if (already && !urls.some((u) => already.urls.includes(u))) {
    throw new ShipdeskError(
      'INVALID_STATE',
      `This station already belongs to the pool at ${already.urls.join(', ')}. A station serves one pool; use a new database for another.`,
    );
  }
  writeMembership(ctx, dbPath, { urls, station, stationCode, token: o.token });
  if (already) return { station, offered: 0 };
  let offered = 0;
  for (let after = 0; ;) {
    const page = exportShipments(ctx.db, after, PAGE);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    const now = ctx.clock();
    ctx.db.transaction(() => {
      for (const e of page) {
        const op = OperationSchema.parse({
          opId: randomUUID(),
          kind: 'offer',
          shipmentNo: e.shipment.shipmentNo,
          baseVersion: null,
          scanAt: e.invoice?.scanAt ?? now,
          payload: { shipment: e.shipment, invoice: e.invoice },
        });
        enqueueHubOp(ctx, op, now);
      }
    })();
    offered += page.length;
  }
  return { station, offered };
}
