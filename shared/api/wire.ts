// The wire between a screen and the core, declared once and parsed on both ends: the WebSocket's
// frames (JSON text), the envelope every call answers with, and the pushes (shared/api/pushes.ts).
//   screen -> host   { id, method, input }
//   host -> screen   { id, envelope }   (the dispatcher's envelope, untouched)
//   host -> screen   { push }           (every core event)
// The desktop preload carries the same envelope and pushes without the frames.
// zod/mini: the screen bundles this file, and mini adds a quarter of what full zod would.
import { z } from 'zod/mini';
import { PushEventSchema, type PushEvent } from './pushes';
import { ERROR_CODES, type Envelope, type RpcError } from '../errors';

export const RequestIdSchema = z.union([z.number(), z.string().check(z.minLength(1), z.maxLength(100))]);
export type RequestId = z.infer<typeof RequestIdSchema>;

export const RequestFrameSchema = z.object({
  id: RequestIdSchema,
  method: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Absent means {} to the dispatcher. */
  input: z.optional(z.unknown()),
});
export type RequestFrame = z.infer<typeof RequestFrameSchema>;

/** The desktop's invoke message (IPC carries its own ids): { method, input } and nothing else. */
export const InvokeMessageSchema = z.strictObject({
  method: RequestFrameSchema.shape.method,
  input: RequestFrameSchema.shape.input,
});
export type InvokeMessage = z.infer<typeof InvokeMessageSchema>;

export const RpcErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.unknown())),
}) satisfies z.ZodMiniType<RpcError>;

export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RpcErrorSchema }),
]) satisfies z.ZodMiniType<Envelope<unknown>>;

export type ServerFrame = { id: RequestId | null; envelope: Envelope<unknown> } | { push: PushEvent };

const ReplyFrameSchema = z.object({ id: z.nullable(RequestIdSchema), envelope: EnvelopeSchema });
const PushFrameSchema = z.object({ push: z.unknown() });

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---- the host's side ------------------------------------------------------------------------

export type ParsedRequest = { ok: true; frame: RequestFrame } | { ok: false; id: RequestId | null; message: string };

/** A request frame, or what is wrong with it in words the caller can act on. */
export function parseRequestFrame(text: string): ParsedRequest {
  const frame = json(text);
  if (frame === undefined) {
    return {
      ok: false,
      id: null,
      message: 'The message is not valid JSON. Send {"id", "method", "input"} as JSON text.',
    };
  }
  const parsed = RequestFrameSchema.safeParse(frame);
  if (parsed.success) return { ok: true, frame: parsed.data };
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    return { ok: false, id: null, message: 'The message must be a JSON object with "id", "method" and "input".' };
  }
  // A usable id is echoed even when the rest is wrong, so the caller can settle that one request.
  const id = RequestIdSchema.safeParse(Reflect.get(frame, 'id'));
  if (!id.success) {
    return { ok: false, id: null, message: 'The message needs an "id": a number or a short non-empty string.' };
  }
  return {
    ok: false,
    id: id.data,
    message: 'The message needs a "method": the name of a Shipdesk method, e.g. "shipments.list".',
  };
}

export function invalidInput(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

// ---- the screen's side ----------------------------------------------------------------------

export type ReceivedFrame =
  | { kind: 'reply'; id: RequestId | null; envelope: Envelope<unknown> }
  | { kind: 'push'; event: PushEvent }
  /** A push this screen does not know (a newer core): not an error, just nothing to do. */
  | { kind: 'unknown-push' };

/** An envelope as it arrived (socket or preload), or null when it is not one. */
export function parseEnvelope(value: unknown): Envelope<unknown> | null {
  const parsed = EnvelopeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parsePush(value: unknown): PushEvent | null {
  const parsed = PushEventSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseServerFrame(text: string): ReceivedFrame | null {
  const frame = json(text);
  const push = PushFrameSchema.safeParse(frame);
  if (push.success && push.data.push !== undefined) {
    const event = parsePush(push.data.push);
    return event ? { kind: 'push', event } : { kind: 'unknown-push' };
  }
  const reply = ReplyFrameSchema.safeParse(frame);
  return reply.success ? { kind: 'reply', id: reply.data.id, envelope: reply.data.envelope } : null;
}

/**
 * The web host's socket subprotocols: the page offers `shipdesk` and `shipdesk-token.<token>`, and the
 * host picks `shipdesk`, so the token is never echoed back. A browser cannot set Authorization on a
 * WebSocket; a subprotocol is checked at the upgrade, before any socket exists, like a header.
 */
export const SOCKET_PROTOCOL = 'shipdesk';
export const SOCKET_TOKEN_PREFIX = 'shipdesk-token.';
