// The conflicts this station lost, as the operator sees them, and the two ways out: keep theirs (the
// pool's state already stands here), or use mine (a normal modify, sent to the hub like any change).
import { z } from 'zod';
import { CARRIER_IDS } from '../../../shared/carriers';
import type { ConflictItem, PoolLinkState, PoolStateView } from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import { PoolAddressSchema } from '../../../shared/hub';
import { iso } from '../domain/time';
import { countRow, rowReader, type RowOf } from '../db/rows';
import type { ServiceContext } from '../services/context';
import { deleteInvoice, modifyInvoice, registerInvoice, type Actor } from '../services/invoices';
import { findShipment, updateAddress } from '../services/shipments';
import { readMeta } from '../services/stationMeta';
import { renumberParcel } from './collisions';
import { takeDeferred } from './verdicts';

const Side = z.object({
  carrierId: z.enum(CARRIER_IDS).nullish(),
  invoiceNo: z.string().nullish(),
  address: PoolAddressSchema.nullish(),
  operator: z.string().nullish(),
  scanAt: z.number().nullish(),
  kind: z.string().optional(),
});
const Theirs = z.object({
  station: z.string(),
  operator: z.string(),
  at: z.number(),
  scanAt: z.number().nullable(),
  invoice: z.object({ carrierId: z.enum(CARRIER_IDS), invoiceNo: z.string() }).nullable(),
  address: PoolAddressSchema.nullable(),
});

const conflictRow = rowReader(
  'pool conflict',
  z.object({
    id: z.number(),
    shipment_no: z.string(),
    kind: z.string(),
    verdict: z.enum(['conflict', 'rejected']),
    mine: z.string(),
    theirs: z.string().nullable(),
    station: z.string(),
    at: z.number(),
    reason: z.string().nullable(),
    code: z.string().nullable(),
    resolved_at: z.number().nullable(),
    resolution: z.enum(['keepTheirs', 'useMine']).nullable(),
  }),
);
type Row = RowOf<typeof conflictRow>;

function toItem(r: Row): ConflictItem {
  const mine = Side.parse(JSON.parse(r.mine));
  const theirs = r.theirs ? Theirs.parse(JSON.parse(r.theirs)) : null;
  return {
    id: r.id,
    shipmentNo: r.shipment_no,
    kind: r.kind,
    verdict: r.verdict,
    mine: {
      carrierId: mine.carrierId ?? null,
      invoiceNo: mine.invoiceNo ?? null,
      address: mine.address ?? null,
      operator: mine.operator ?? '',
      scanAt: iso(mine.scanAt ?? 0),
    },
    theirs: theirs && {
      carrierId: theirs.invoice?.carrierId ?? null,
      invoiceNo: theirs.invoice?.invoiceNo ?? null,
      address: theirs.address,
      operator: theirs.operator,
      scanAt: theirs.scanAt === null ? null : iso(theirs.scanAt),
    },
    station: r.station,
    at: iso(r.at),
    reason: r.reason,
    code: r.code,
    resolved: r.resolved_at !== null && r.resolution ? { at: iso(r.resolved_at), action: r.resolution } : null,
  };
}

const SELECT = `SELECT id, shipment_no, kind, verdict, mine, theirs, station, at, reason, code, resolved_at, resolution FROM hub_conflicts`;

export function listConflicts(ctx: ServiceContext, q: { includeResolved: boolean; limit: number }): ConflictItem[] {
  const rows = conflictRow.all(
    ctx
      .prepare(`${SELECT} WHERE ? OR resolved_at IS NULL ORDER BY id DESC LIMIT ?`)
      .all(q.includeResolved ? 1 : 0, q.limit),
  );
  return rows.map(toItem);
}

function readItem(ctx: ServiceContext, id: number): ConflictItem {
  const row = conflictRow.one(ctx.prepare(`${SELECT} WHERE id = ?`).get(id));
  if (!row)
    throw new ShipdeskError('NOT_FOUND', `There is no conflict ${id}; it may have been resolved at another screen.`);
  return toItem(row);
}

export function resolveConflict(
  ctx: ServiceContext,
  input: { id: number; action: 'keepTheirs' | 'useMine' },
  actor: Actor,
): ConflictItem {
  const item = readItem(ctx, input.id);
  if (item.resolved) return item;
  if (item.code === 'SHIPMENT_NO_TAKEN') return resolveTakenNumber(ctx, item, input.action, actor);
  if (input.action === 'useMine') {
    const reason = `Conflict resolved at this station: ${item.mine.invoiceNo ?? 'this change'} kept over station ${item.station}'s.`;
    const { mine } = item;
    if (item.kind === 'address' && mine.address) {
      updateAddress(ctx, { shipmentNo: item.shipmentNo, address: mine.address, reason }, actor);
    } else if (item.kind === 'delete') {
      deleteInvoice(ctx, { shipmentNo: item.shipmentNo, reason }, actor);
    } else if (mine.carrierId && mine.invoiceNo) {
      const number = { shipmentNo: item.shipmentNo, carrierId: mine.carrierId, invoiceNo: mine.invoiceNo };
      if (findShipment(ctx, item.shipmentNo).invoiceId === null) registerInvoice(ctx, number, actor);
      else modifyInvoice(ctx, { ...number, reason }, actor);
    } else {
      throw new ShipdeskError('INVALID_STATE', 'This change cannot be made again from here; keep the pool’s version.');
    }
  }
  ctx
    .prepare(`UPDATE hub_conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL`)
    .run(ctx.clock(), input.action, input.id);
  return readItem(ctx, input.id);
}

/** A parcel of this station under a number the pool has for another order: only a new number ends it. */
function resolveTakenNumber(
  ctx: ServiceContext,
  item: ConflictItem,
  action: 'keepTheirs' | 'useMine',
  actor: Actor,
): ConflictItem {
  if (action === 'keepTheirs') {
    throw new ShipdeskError(
      'INVALID_STATE',
      `${item.shipmentNo} at this station is another order than the pool's ${item.shipmentNo}; both parcels stay. Choose "Use mine" to give this station's parcel a new number.`,
    );
  }
  const fresh = ctx.db.transaction(() => {
    const no = renumberParcel(ctx, item.shipmentNo, actor, (taken) => takeDeferred(ctx, taken));
    ctx
      .prepare(
        `UPDATE hub_conflicts SET resolved_at = ?, resolution = 'useMine' WHERE shipment_no = ? AND code = 'SHIPMENT_NO_TAKEN' AND resolved_at IS NULL`,
      )
      .run(ctx.clock(), item.shipmentNo);
    return no;
  })();
  ctx.events.emit({ type: 'shipments.changed', shipmentNos: [item.shipmentNo, fresh] });
  return readItem(ctx, item.id);
}

export function poolStateView(
  ctx: ServiceContext,
  link: { online: boolean; state: PoolLinkState; lastRefusal: string | null } | null,
): PoolStateView {
  const count = (sql: string) => countRow.single(ctx.prepare(sql).get()).n;
  const url = readMeta(ctx, 'hub_url');
  return {
    member: url !== null,
    station: readMeta(ctx, 'hub_station'),
    hubUrl: url,
    online: link?.online ?? false,
    link: link?.state ?? 'offline',
    pending: url ? count(`SELECT count(*) AS n FROM hub_ops WHERE state = 'pending'`) : 0,
    openConflicts: url ? count('SELECT count(*) AS n FROM hub_conflicts WHERE resolved_at IS NULL') : 0,
    refusal: link?.lastRefusal ?? null,
  };
}
