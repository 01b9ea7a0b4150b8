// The transport boundary: whatever arrives (socket frame or preload result) is checked here before
// the screen sees it. Results are checked as far as the envelope; the value's shape is the contract's.
import type { PushEvent } from '../../../shared/contract';
import { ERROR_CODES, type Envelope, type ErrorCode, type RpcError } from '../../../shared/errors';

export type RequestId = number;

export type ServerFrame =
  | { kind: 'reply'; id: RequestId | string | null; envelope: Envelope<unknown> }
  | { kind: 'push'; event: PushEvent }
  /** A push this screen does not know (a newer core): not an error, just nothing to do. */
  | { kind: 'unknown-push' };

const IMPORT_PHASES = ['reading', 'checking', 'saving', 'done'] as const;
type ImportPhase = (typeof IMPORT_PHASES)[number];
const isImportPhase = (v: unknown): v is ImportPhase =>
  typeof v === 'string' && (IMPORT_PHASES as readonly string[]).includes(v);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function parseError(value: unknown): RpcError | null {
  if (!isRecord(value) || !isErrorCode(value.code) || typeof value.message !== 'string') return null;
  return isRecord(value.details)
    ? { code: value.code, message: value.message, details: value.details }
    : { code: value.code, message: value.message };
}

export function parseEnvelope(value: unknown): Envelope<unknown> | null {
  if (!isRecord(value)) return null;
  if (value.ok === true && 'value' in value) return { ok: true, value: value.value };
  if (value.ok === false) {
    const error = parseError(value.error);
    return error ? { ok: false, error } : null;
  }
  return null;
}

export function parsePush(value: unknown): PushEvent | null {
  if (!isRecord(value)) return null;
  if (value.type === 'shipments.changed') {
    const nos = value.shipmentNos;
    if (!Array.isArray(nos) || !nos.every((n): n is string => typeof n === 'string')) return null;
    return { type: 'shipments.changed', shipmentNos: nos };
  }
  if (value.type === 'sync.state') {
    const { online, queued, lastSyncAt } = value;
    if (typeof online !== 'boolean' || typeof queued !== 'number') return null;
    if (lastSyncAt !== null && typeof lastSyncAt !== 'string') return null;
    return { type: 'sync.state', online, queued, lastSyncAt };
  }
  if (value.type === 'imports.progress') {
    const { uploadRef, phase, done, total } = value;
    if (uploadRef !== null && typeof uploadRef !== 'string') return null;
    if (!isImportPhase(phase) || typeof done !== 'number' || typeof total !== 'number') return null;
    return { type: 'imports.progress', uploadRef, phase, done, total };
  }
  return null;
}

export function parseServerFrame(text: string): ServerFrame | null {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(frame)) return null;
  if ('push' in frame) {
    const event = parsePush(frame.push);
    return event ? { kind: 'push', event } : { kind: 'unknown-push' };
  }
  const id = frame.id;
  if (id !== null && typeof id !== 'number' && typeof id !== 'string') return null;
  const envelope = parseEnvelope(frame.envelope);
  return envelope ? { kind: 'reply', id, envelope } : null;
}
