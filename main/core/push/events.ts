// Pushes from the core (row changed, sync state) to whoever listens: IPC, web sockets, tests.
import type { PushEvent } from '../../../shared/api/contract';
import type { Logger } from '../log/logger';

export type PushListener = (event: PushEvent) => void;

export interface CoreEvents {
  /** Returns a function that stops listening. */
  on(listener: PushListener): () => void;
  emit(event: PushEvent): void;
}

export function createEvents(log: Logger): CoreEvents {
  const listeners = new Set<PushListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          // One broken listener must not stop the others, nor go unseen.
          log.error('a push listener failed', { event: event.type, error: err });
        }
      }
    },
  };
}
