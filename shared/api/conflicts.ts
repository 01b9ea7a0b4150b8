// Many stations, one pool: the changes this station lost to another station (or that the pool
// refused), shown to the operator and never lost, and the pool link's state (docs/HUB.md).
import { z } from 'zod';
import type { CarrierId } from '../carriers';
import { method } from './common';
import type { Address } from './shipments';

export interface ConflictSide {
  carrierId: CarrierId | null;
  invoiceNo: string | null;
  address: Address | null;
  operator: string;
}

export interface ConflictItem {
  id: number;
  shipmentNo: string;
  /** What this station did: register, modify, delete, address, offer, ... */
  kind: string;
  /** conflict: another station came first; rejected: the pool refused the change (code, reason). */
  verdict: 'conflict' | 'rejected';
  /** This station's change, with the moment its operator acted (the station's clock, ISO). */
  mine: ConflictSide & { scanAt: string };
  /** The change that stands in the pool; null when the pool refused ours outright. */
  theirs: (ConflictSide & { scanAt: string | null }) | null;
  /** The station whose change won (or "hub" for a refusal). */
  station: string;
  /** When the pool took the winning change (the database's order, ISO). */
  at: string;
  reason: string | null;
  code: string | null;
  resolved: null | { at: string; action: 'keepTheirs' | 'useMine' };
}

/**
 * The link to the pool's hubs: online (a hub answered within the last few seconds), offline, revoked
 * (the pool does not know this station's token) or refused (another refusal, e.g. the version).
 */
export type PoolLinkState = 'online' | 'offline' | 'revoked' | 'refused';

export interface PoolStateView {
  member: boolean;
  station: string | null;
  hubUrl: string | null;
  online: boolean;
  link: PoolLinkState;
  /** Operations waiting for the hub's verdict. */
  pending: number;
  openConflicts: number;
  /** The hub refused this station (token revoked, version): what to do. */
  refusal: string | null;
}

export const conflictMethods = {
  'conflicts.list': method<ConflictItem[]>('read')(
    z.strictObject({
      includeResolved: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  /** keepTheirs closes the item; useMine makes this station's number the shipment's again (a normal online modify). */
  'conflicts.resolve': method<ConflictItem>('write')(
    z.strictObject({ id: z.number().int().min(1), action: z.enum(['keepTheirs', 'useMine']) }),
  ),
  'pool.state': method<PoolStateView>('read')(z.strictObject({})),
};
