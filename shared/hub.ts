// The station <-> hub protocol (docs/HUB.md): operations a station sends, the verdicts the hub answers,
// and the change feed stations pull. Declared once here; the hub and the station both parse with it.
import { z } from 'zod';
import { CARRIER_IDS } from './carriers';
import { CLAIM_TYPES, REGIONS, SHIPMENT_STATUSES, TRACKING_CODES, VIAS } from './domain';

/** The protocol this build speaks. A hub answers stations whose protocol is within its supported range. */
export const HUB_PROTOCOL = 1;
export const HUB_PROTOCOL_RANGE = { min: 1, max: 1 } as const;
export const PROTOCOL_HEADER = 'x-shipdesk-protocol';
export const APP_HEADER = 'x-shipdesk-app';

const str = (max: number) => z.string().max(max);
const name = str(200);
const epochMs = z.number().int().min(0).max(8.64e15);
const shipmentNo = str(40).min(1);
const carrierId = z.enum(CARRIER_IDS);
const invoiceNo = str(64).min(1);

export const PoolAddressSchema = z.object({
  country: str(2).min(2),
  postalCode: str(20),
  line1: str(300),
  line2: str(300),
});
export type PoolAddress = z.infer<typeof PoolAddressSchema>;

const codeName = z.object({ code: str(60).min(1), name: str(200) });

/** A shipment's facts as the pool keeps them: everything a station needs to show and work it. */
export const PoolShipmentSchema = z.object({
  shipmentNo,
  orderNo: str(80).min(1),
  orderedAt: epochMs,
  salesChannel: name,
  buyerName: name,
  claim: z.enum(CLAIM_TYPES),
  originalOrderNo: str(80).nullable(),
  recipient: z.object({ name, phone: str(40) }),
  address: PoolAddressSchema,
  region: z.enum(REGIONS),
  memo: str(1000),
  warehouse: codeName,
  policy: codeName,
  option: codeName,
  items: z
    .array(
      z.object({ productId: str(80), productName: str(300), optionName: str(300), quantity: z.number().int().min(1) }),
    )
    .max(500),
});
export type PoolShipment = z.infer<typeof PoolShipmentSchema>;

export const PoolInvoiceSchema = z.object({
  carrierId,
  invoiceNo,
  /** The operator's moment at the station (its clock), kept beside the database's order. */
  scanAt: epochMs,
  /** When the database took it: the order that decides. */
  registeredAt: epochMs,
  registeredBy: name,
  station: name,
  via: z.enum(VIAS),
  released: z.boolean(),
});
export type PoolInvoice = z.infer<typeof PoolInvoiceSchema>;

/** A shipment as it stands in the pool: the feed and every verdict carry it. */
export const PoolStateSchema = PoolShipmentSchema.extend({
  /** Bumped by every applied operation: what a station's next operation is based on. */
  version: z.number().int().min(0),
  /** Bumped by every change, tracking included: a station keeps the highest it has seen. */
  revision: z.number().int().min(0),
  status: z.enum(SHIPMENT_STATUSES),
  lastEventAt: epochMs.nullable(),
  invoice: PoolInvoiceSchema.nullable(),
  /** Retired by a split or merge: the station removes it. */
  retired: z.boolean(),
});
export type PoolState = z.infer<typeof PoolStateSchema>;

const who = { operator: name, via: z.enum(VIAS) };
const offeredInvoice = z.object({
  carrierId,
  invoiceNo,
  registeredBy: name,
  via: z.enum(VIAS),
  scanAt: epochMs,
  released: z.boolean(),
});

const kinds = {
  register: z.object({ carrierId, invoiceNo, ...who }),
  modify: z.object({ carrierId, invoiceNo, reason: str(500).nullable(), ...who }),
  delete: z.object({ reason: str(500).nullable(), ...who }),
  address: z.object({ address: PoolAddressSchema, region: z.enum(REGIONS), reason: str(500).nullable(), ...who }),
  /** The carrier side confirmed the release of this number. */
  released: z.object({ carrierId, invoiceNo }),
  /** A station joining the pool offers what it has. */
  offer: z.object({ shipment: PoolShipmentSchema, invoice: offeredInvoice.nullable() }),
  /** Orders imported at a station: new shipments for every station. */
  importOrders: z.object({ shipments: z.array(PoolShipmentSchema).min(1).max(2000), operator: name }),
  /** An order's lines regrouped into other shipments (split or merge) while none has an invoice. */
  regroup: z.object({
    orderNo: str(80).min(1),
    retire: z
      .array(z.object({ shipmentNo, version: z.number().int().min(0) }))
      .min(1)
      .max(200),
    add: z.array(PoolShipmentSchema).min(1).max(200),
    operator: name,
  }),
} as const;
export type OperationKind = keyof typeof kinds;
export const OPERATION_KINDS = Object.keys(kinds) as OperationKind[];

const envelope = <K extends OperationKind>(kind: K) =>
  z.object({
    opId: z.uuid(),
    kind: z.literal(kind),
    /** The shipment the operation is about (the first one for an import). */
    shipmentNo,
    /** The pool version the station's view was based on; null when it never saw the shipment in the pool. */
    baseVersion: z.number().int().min(0).nullable(),
    /** The station's clock when the operator acted. */
    scanAt: epochMs,
    payload: kinds[kind],
  });

export const OperationSchema = z.discriminatedUnion('kind', [
  envelope('register'),
  envelope('modify'),
  envelope('delete'),
  envelope('address'),
  envelope('released'),
  envelope('offer'),
  envelope('importOrders'),
  envelope('regroup'),
]);
export type Operation = z.infer<typeof OperationSchema>;
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

/** What a station posts: its identity comes from its token, its versions from the headers. */
export const OperationBatchSchema = z.object({ ops: z.array(z.unknown()).min(1).max(500) });

/** Who came first, with what and when: the other side of a conflict. */
export const WinnerSchema = z.object({
  station: name,
  operator: name,
  /** When the database applied the winning change. */
  at: epochMs,
  /** The winning station's clock when its operator acted. */
  scanAt: epochMs.nullable(),
  invoice: z.object({ carrierId, invoiceNo }).nullable(),
  address: PoolAddressSchema.nullable(),
  /** The winner's change on another shipment (the same number for another recipient). */
  shipmentNo: shipmentNo.nullable(),
});
export type Winner = z.infer<typeof WinnerSchema>;

export const VERDICTS = ['applied', 'same', 'conflict', 'rejected'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

export const VerdictSchema = z.object({
  opId: z.string(),
  verdict: z.enum(VERDICTS),
  /** The order the database took it in; null for a rejected operation. */
  seq: z.number().int().nullable(),
  /** The shipment as it stands after this verdict (null when the pool has no such shipment). */
  state: PoolStateSchema.nullable(),
  winner: WinnerSchema.nullable(),
  /** In words, for the operator: why it was a conflict or refused. */
  reason: str(1000).nullable(),
  code: str(60).nullable(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const VerdictBatchSchema = z.object({ verdicts: z.array(VerdictSchema) });

export const PoolEventSchema = z.object({
  carrierId,
  invoiceNo,
  at: epochMs,
  zone: str(10),
  code: z.enum(TRACKING_CODES),
  rawCode: str(64),
  rawText: str(400),
  location: str(100),
  fingerprint: str(100),
});
export type PoolEvent = z.infer<typeof PoolEventSchema>;

export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shipment'), state: PoolStateSchema }),
  z.object({ kind: z.literal('event'), event: PoolEventSchema }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const ChangePageSchema = z.object({
  changes: z.array(ChangeSchema),
  /** Pass back as `after` to continue; never skips a change that commits late. */
  cursor: str(100),
  /** More changes are ready now. */
  more: z.boolean(),
});
export type ChangePage = z.infer<typeof ChangePageSchema>;

export const HelloSchema = z.object({
  station: name,
  /** The station's code (1..999): the shipment numbers it mints carry it, so no other station mints them. */
  stationCode: z.number().int().min(1).max(999),
  hub: str(100),
  protocol: z.object({ min: z.number(), max: z.number() }),
});
export type Hello = z.infer<typeof HelloSchema>;

/** A refusal of a whole request: wrong token, unsupported protocol, malformed body. */
export const HubErrorSchema = z.object({ error: z.object({ code: str(60), message: str(1000) }) });

/** What the hub pushes on its socket: pull now. */
export const HubPushSchema = z.object({ type: z.literal('changes') });
