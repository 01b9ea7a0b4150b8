// The WebSocket protocol, JSON text frames:
//   client -> server  { id, method, input }
//   server -> client  { id, envelope }   (the dispatcher's envelope, untouched)
//   server -> client  { push }           (every core event)
// Incoming frames are parsed here; nothing from the wire reaches the core unchecked.
import type { PushEvent } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

export type RequestId = number | string;

export type ServerFrame = { id: RequestId | null; envelope: Envelope<unknown> } | { push: PushEvent };

export type ParsedRequest =
  { ok: true; id: RequestId; method: string; input: unknown } | { ok: false; id: RequestId | null; message: string };

const MAX_ID_LENGTH = 100;
const MAX_METHOD_LENGTH = 100;

function validId(value: unknown): value is RequestId {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseRequest(text: string): ParsedRequest {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return {
      ok: false,
      id: null,
      message: 'The message is not valid JSON. Send {"id", "method", "input"} as JSON text.',
    };
  }
  if (!isRecord(frame)) {
    return { ok: false, id: null, message: 'The message must be a JSON object with "id", "method" and "input".' };
  }
  // A usable id is echoed even when the rest is wrong, so the caller can settle that one request.
  const id = validId(frame.id) ? frame.id : null;
  if (id === null) {
    return { ok: false, id: null, message: 'The message needs an "id": a number or a short non-empty string.' };
  }
  const method = frame.method;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return {
      ok: false,
      id,
      message: 'The message needs a "method": the name of a Shipdesk method, e.g. "shipments.list".',
    };
  }
  return { ok: true, id, method, input: frame.input };
}

export function invalidInput(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}
