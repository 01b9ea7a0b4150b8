// Turns one `shipdesk:invoke` message into one dispatcher call. Pure: typed with the few fields it
// reads from Electron's IpcMainInvokeEvent, so tests pass plain objects. Never throws.
import type { Envelope } from '../../shared/errors';
import type { Logger } from '../core/log/logger';
import type { Dispatch } from '../core/rpc/dispatch';
import { InvokeMessageSchema } from '../../shared/api/wire';
import type { SenderFacts } from './senderCheck';

/** The parts of IpcMainInvokeEvent we rely on. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null | undefined;
}

export interface InvokeAdapterDeps {
  dispatch: Dispatch;
  isTrusted: (sender: SenderFacts) => boolean;
  /** '' lets the core pick the operator (settings name, then the OS user), as the CLI does. */
  operator: string;
  log?: Logger;
}

export function senderFactsOf(event: InvokeEventLike): SenderFacts {
  const frame = event.senderFrame ?? null;
  return {
    senderId: event.sender.id,
    senderFrameUrl: frame?.url ?? null,
    // The top frame is the one without a parent.
    isMainFrame: frame !== null && frame.parent === null,
  };
}

export function createInvokeHandler(deps: InvokeAdapterDeps) {
  return async (event: InvokeEventLike, message: unknown): Promise<Envelope<unknown>> => {
    let facts: SenderFacts;
    try {
      facts = senderFactsOf(event);
    } catch {
      // A destroyed frame can throw on access; treat it like an unknown sender.
      facts = { senderId: -1, senderFrameUrl: null, isMainFrame: false };
    }
    // Trust first: an untrusted sender learns nothing, not even whether its message was well formed.
    if (!deps.isTrusted(facts)) {
      deps.log?.warn('IPC call from an untrusted sender refused', {
        senderId: facts.senderId,
        url: String(facts.senderFrameUrl).slice(0, 200),
        isMainFrame: facts.isMainFrame,
      });
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This window is not allowed to use Shipdesk.' } };
    }
    const parsed = InvokeMessageSchema.safeParse(message);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The request is not valid: expected { method, input }.' },
      };
    }
    try {
      return await deps.dispatch(parsed.data.method, parsed.data.input, { operator: deps.operator, via: 'manual' });
    } catch (err) {
      // The dispatcher promises not to throw; if it ever does, the renderer still gets an answer.
      deps.log?.error('dispatch threw', {
        method: parsed.data.method,
        error: err instanceof Error ? err.message : String(err),
      });
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Shipdesk hit an unexpected problem; nothing was saved. Try again.' },
      };
    }
  };
}
