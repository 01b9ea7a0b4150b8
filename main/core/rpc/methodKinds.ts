// Each method's kind (read, queued, write, queuesItself) is declared once in shared/api/ and applied
// here, so a handler is only `(input, call) => service(...)` and no write can forget its turn in the
// queue or the step after it (docs/ARCHITECTURE.md "The contract and the dispatcher").
import { contract, type MethodName } from '../../../shared/api/contract';
import type { MethodKind } from '../../../shared/api/common';
import type { CallContext, Handlers } from './dispatch';

export interface KindRunners {
  /** The write queue (ctx.writes.run): the work runs once every write queued before it has finished. */
  queue<T>(work: () => T | Promise<T>): Promise<T>;
  /** After a successful write: the outbox runs, the status bar hears of it, a pool member's link wakes. */
  afterWrite(): void;
}

type AnyHandler = (input: unknown, call: CallContext) => unknown;

/** How a handler of each kind is run. */
function runAs(kind: MethodKind, handler: AnyHandler, runners: KindRunners): AnyHandler {
  switch (kind) {
    case 'read':
    case 'queuesItself':
      return handler;
    case 'queued':
      return (input, call) => runners.queue(() => handler(input, call));
    case 'write':
      return (input, call) =>
        runners.queue(async () => {
          const result = await handler(input, call);
          runners.afterWrite();
          return result;
        });
  }
}

/** The handler table with every method run as its contract entry declares. */
export function applyMethodKinds(handlers: Handlers, runners: KindRunners): Handlers {
  const applied: Partial<Record<MethodName, AnyHandler>> = {};
  for (const name of Object.keys(handlers) as MethodName[]) {
    applied[name] = runAs(contract[name].kind, handlers[name] as AnyHandler, runners);
  }
  // Each entry keeps its handler's input and result; only how it is run changed.
  return applied as Handlers;
}
