// What a decision answers (docs/ARCHITECTURE.md "Where each rule lives"): facts in, a verdict out.
// A refusal is data with one English sentence; the station turns it into a ShipdeskError, the hub
// into a rejected or conflict answer, so both say the same words.
import { ShipdeskError, type ErrorCode } from '../../../shared/errors';

export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
  /** What a program may act on (the shipment that holds a number, the status); absent when nothing. */
  details?: Record<string, unknown>;
}

/** Allowed (with what the decision found, e.g. the normalised number), or refused with a reason. */
export type Verdict<T extends object = object> = ({ ok: true } & T) | Refusal;

export function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): Refusal {
  return details ? { ok: false, code, message, details } : { ok: false, code, message };
}

export const allowed: Verdict = { ok: true };

/** The station's way to hear a refusal: a ShipdeskError the dispatcher answers as an error envelope. */
export function orThrow<V extends Verdict>(v: V): Exclude<V, Refusal> {
  if (!v.ok) throw new ShipdeskError(v.code, v.message, v.details);
  return v as Exclude<V, Refusal>;
}
