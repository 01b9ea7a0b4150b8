// "Change recorded": the one event a service raises, inside its transaction, when it changed what the
// pool must hear of (docs/HUB.md "The station's queue and the carrier"). The pool link subscribes
// (poolLink/record.ts, wired by createCore and the commit worker) and queues the hub operation in the
// same transaction; a stand-alone desk's link does nothing. Services never import the pool link.
import type { Operation, OperationKind } from '../../../shared/hub';

export interface StationChange<K extends OperationKind = OperationKind> {
  kind: K;
  shipmentNo: string;
  payload: Extract<Operation, { kind: K }>['payload'];
  /** The operator's moment (the station's clock). */
  at: number;
}

/** A StationChange of one kind or another, its payload always the one of its kind. */
export type AnyStationChange = { [K in OperationKind]: StationChange<K> }[OperationKind];

export interface RegroupBase {
  shipmentNo: string;
  poolVersion: number;
}

export type RecordedChange =
  /** One shipment changed (register, modify, delete, address, released, ...). */
  | { kind: 'edit'; change: AnyStationChange }
  /** Orders imported at this station: their new shipments. */
  | { kind: 'imported'; shipmentNos: readonly string[]; operator: string; at: number }
  /**
   * A split or merge: `retired` every shipment it regrouped as they were (from regroupBases, read
   * before the change), `added` the shipments they are now.
   */
  | { kind: 'regroup'; retired: readonly RegroupBase[]; added: readonly string[]; operator: string; at: number };

export type ChangeListener = (change: RecordedChange) => void;
