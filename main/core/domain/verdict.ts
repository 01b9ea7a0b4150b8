// What a decision answers (docs/ARCHITECTURE.md "Where each rule lives"): facts in, a verdict out.
// A refusal is data with one English sentence; the station turns it into a ShipdeskError, the hub
// into a rejected or conflict answer, so both say the same words.
import type { ActionLock } from '../../../shared/api/shipments';
import { ShipdeskError, type ErrorCode } from '../../../shared/errors';

export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
  /** What a program may act on (the shipment that holds a number, the status); absent when nothing. */
  details?: Record<string, unknown>;
  /** Which state of the shipment stands in the way, as a code the screen words (its `allowed.why`). */
  lock?: ActionLock;
}

/** Allowed (with what the decision found, e.g. the normalised number), or refused with a reason. */
export type Verdict<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): Refusal {
  return details ? { ok: false, code, message, details } : { ok: false, code, message };
}

export const allowed = { ok: true } as const;

/** A decision about what may be done with a shipment now: a refusal always names the state that locks it. */
export type Locking = typeof allowed | (Refusal & { lock: ActionLock });

export function locked(lock: ActionLock, refusal: Refusal): Refusal & { lock: ActionLock } {
  return { ...refusal, lock };
}

/** The station's way to hear a refusal: a ShipdeskError the dispatcher answers as an error envelope. */
export function orThrow<V extends Verdict>(v: V): Exclude<V, Refusal> {
  if (!v.ok) throw new ShipdeskError(v.code, v.message, v.details);
  return v as Exclude<V, Refusal>;
}
