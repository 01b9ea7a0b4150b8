// What a transport does for the client: carry one call, deliver pushes, report the connection.
import type { PushEvent } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/errors';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface Transport {
  /** Resolves with the core's envelope; rejects with TransportError when the call never got an answer. */
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  onPush(listener: (event: PushEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  readonly connection: ConnectionState;
}

/** The call did not reach Shipdesk, or its answer did not come back. Nothing is known about its effect. */
export class TransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

/** A tiny listener set, shared by the transports. */
export function listeners<T>(): { add(l: (v: T) => void): () => void; emit(v: T): void } {
  const set = new Set<(v: T) => void>();
  return {
    add(l) {
      set.add(l);
      return () => set.delete(l);
    },
    emit(v) {
      for (const l of set) {
        try {
          l(v);
        } catch (err) {
          console.error('[shipdesk] listener failed', err);
        }
      }
    },
  };
}
