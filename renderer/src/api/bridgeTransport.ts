// Electron: the preload's window.shipdesk = { invoke, on }. Its answers are checked like a socket's.
import type { PushEvent } from '../../../shared/api/contract';
import { TransportError, type Transport } from './transport';
import { parseEnvelope, parsePush } from '../../../shared/api/wire';

export interface ShipdeskBridge {
  invoke(method: string, input?: unknown): Promise<unknown>;
  on(callback: (event: unknown) => void): () => void;
}

export function isBridge(value: unknown): value is ShipdeskBridge {
  if (typeof value !== 'object' || value === null) return false;
  return typeof Reflect.get(value, 'invoke') === 'function' && typeof Reflect.get(value, 'on') === 'function';
}

export function createBridgeTransport(bridge: ShipdeskBridge): Transport {
  return {
    connection: 'open',
    async invoke(method, input) {
      let answer: unknown;
      try {
        answer = await bridge.invoke(method, input);
      } catch (err) {
        throw new TransportError(
          `The request did not reach Shipdesk: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      const envelope = parseEnvelope(answer);
      if (!envelope)
        throw new TransportError('Shipdesk answered with something this screen cannot read. Restart Shipdesk.');
      return envelope;
    },
    onPush(listener: (event: PushEvent) => void) {
      return bridge.on((raw) => {
        const event = parsePush(raw);
        if (event) listener(event);
      });
    },
    // The window and the main process live and die together: there is no reconnecting to report.
    onConnection() {
      return () => undefined;
    },
  };
}
