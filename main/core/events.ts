// Pushes from the core (row changed, sync state) to whoever listens: IPC, web sockets, tests.
import type { PushEvent } from '../../shared/contract';

export type PushListener = (event: PushEvent) => void;

export interface CoreEvents {
  /** Returns a function that stops listening. */
  on(listener: PushListener): () => void;
  emit(event: PushEvent): void;
}

export function createEvents(): CoreEvents {
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
        } catch {
          // one broken listener must not stop the others
        }
      }
    },
  };
}
