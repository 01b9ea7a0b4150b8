// A TCP relay between stations and a hub on 127.0.0.1 that the test can hang: connections stay open
// but nothing passes either way any more, as with a hub process that stopped answering (frozen, or a
// network that drops packets). Nothing is refused or closed, so only the station's own clock can tell.
import net from 'node:net';

export interface HubProxy {
  url: string;
  hang(): void;
  close(): Promise<void>;
}

export async function startHubProxy(target: { port: number }): Promise<HubProxy> {
  let hung = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((inbound) => {
    inbound.on('error', () => undefined);
    if (hung) return; // accepted, never answered
    const outbound = net.connect(target.port, '127.0.0.1');
    outbound.on('error', () => inbound.destroy());
    const pair: [net.Socket, net.Socket] = [inbound, outbound];
    pairs.add(pair);
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('close', () => {
      pairs.delete(pair);
      outbound.destroy();
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => sockets.add(s));
  return {
    url: `http://127.0.0.1:${port}`,
    hang() {
      hung = true;
      for (const [inbound, outbound] of pairs) {
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        inbound.pause();
        outbound.pause();
      }
    },
    async close() {
      for (const [, outbound] of pairs) outbound.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
