// The one client the screen uses, typed from shared/api/contract.ts, over whichever transport exists.
import type { MethodInput, MethodName, MethodResult, PushEvent } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/errors';
import { createBridgeTransport, isBridge } from './bridgeTransport';
import { createSocketTransport, socketUrlFor } from './socketTransport';
import type { ConnectionState, Transport } from './transport';
import { socketProtocols, takeWebToken } from './webToken';

export interface ShipdeskClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodResult<M>>>;
  onPush(listener: (event: PushEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  readonly connection: ConnectionState;
}

export function createClient(transport: Transport): ShipdeskClient {
  return {
    // The envelope's shape was checked at the transport; the value's type is the contract's promise
    // for this method, and the dispatcher built it from the same contract.
    call: <M extends MethodName>(method: M, input: MethodInput<M>) =>
      transport.invoke(method, input) as Promise<Envelope<MethodResult<M>>>,
    onPush: (listener) => transport.onPush(listener),
    onConnection: (listener) => transport.onConnection(listener),
    get connection() {
      return transport.connection;
    },
  };
}

/** Electron's preload when present, else the web host's socket. */
export function connectClient(): ShipdeskClient {
  const bridge = window.shipdesk;
  if (isBridge(bridge)) return createClient(createBridgeTransport(bridge));
  const token = takeWebToken(window);
  return createClient(createSocketTransport(socketUrlFor(window.location), socketProtocols(token)));
}
