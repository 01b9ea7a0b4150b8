// The desktop transport (renderer/src/api/bridgeTransport.ts), run under Node with a bridge of the
// shape the preload exposes as window.shipdesk ({ invoke, on }). First the whole desktop path with a
// real core behind the bridge (preload message -> IPC adapter -> dispatcher -> SQLite, pushes back),
// then a bridge that misbehaves, which the transport must turn into errors the screen can show.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShipdeskBridge as PreloadBridge } from '../../main/electron/channels';
import { createInvokeHandler } from '../../main/electron/ipcAdapter';
import { createBridgeTransport, isBridge } from '../../renderer/src/api/bridgeTransport';
import { createClient } from '../../renderer/src/api/client';
import { TransportError } from '../../renderer/src/api/transport';
import type { PushEvent } from '../../shared/api/contract';
import { startTestCore, type TestCore } from '../support/core';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

/** What preload.ts builds, with the IPC round trip replaced by a direct call into main's handler. */
function preloadBridgeTo(testCore: TestCore): PreloadBridge {
  const handle = createInvokeHandler({ dispatch: testCore.dispatch, isTrusted: () => true, operator: '' });
  const ourWindow = { sender: { id: 1 }, senderFrame: { url: 'file:///app/index.html', parent: null } };
  return {
    // Structured clone, as IPC does: nothing but data crosses.
    invoke: (method, input) => handle(ourWindow, structuredClone({ method, input })),
    on(callback) {
      return testCore.events.on((event) => callback(structuredClone(event)));
    },
  };
}

/** A bridge whose answers the test chooses. */
function scriptedBridge(answer: (method: string, input: unknown) => Promise<unknown>) {
  const listeners = new Set<(event: unknown) => void>();
  const bridge = {
    invoke: answer,
    on(callback: (event: unknown) => void) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  return { bridge, push: (event: unknown) => listeners.forEach((l) => l(event)), listeners };
}

describe('the desktop transport over the preload bridge', () => {
  it('registers an invoice on the real core and hears the push for that shipment', async () => {
    const [shipmentNo] = seedShipments(core.db, [{}]);
    const bridge = preloadBridgeTo(core);
    expect(isBridge(bridge)).toBe(true);
    const client = createClient(createBridgeTransport(bridge));
    expect(client.connection).toBe('open');
    const pushes: PushEvent[] = [];
    const stop = client.onPush((e) => pushes.push(e));

    const registered = await client.call('invoices.register', {
      shipmentNo: shipmentNo!,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(7),
    });
    expect(registered).toMatchObject({ ok: true, value: { shipment: { shipmentNo, invoiceNo: lotteNumber(7) } } });
    expect(pushes).toContainEqual({ type: 'shipments.changed', shipmentNos: [shipmentNo] });

    // The core's refusal arrives as the envelope, not as a thrown error.
    const again = await client.call('invoices.register', {
      shipmentNo: shipmentNo!,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(8),
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    stop();
    const heard = pushes.length;
    await client.call('invoices.delete', { shipmentNo: shipmentNo! });
    expect(pushes).toHaveLength(heard);
    expect(await core.ok('shipments.get', { shipmentNo: shipmentNo! })).toMatchObject({ status: 'AWAITING_INVOICE' });
  });

  it('turns a bridge that throws, or answers with something that is not an envelope, into a TransportError', async () => {
    const failing = createBridgeTransport(
      scriptedBridge(() => Promise.reject(new Error('An object could not be cloned'))).bridge,
    );
    await expect(failing.invoke('settings.get', {})).rejects.toThrow(TransportError);
    await expect(failing.invoke('settings.get', {})).rejects.toThrow(
      'The request did not reach Shipdesk: An object could not be cloned',
    );
    for (const odd of [undefined, 'ok', { ok: 'yes' }, { ok: false, error: { code: 'NO_SUCH_CODE', message: 'x' } }]) {
      const transport = createBridgeTransport(scriptedBridge(() => Promise.resolve(odd)).bridge);
      await expect(transport.invoke('settings.get', {}), JSON.stringify(odd)).rejects.toThrow(
        'Shipdesk answered with something this screen cannot read. Restart Shipdesk.',
      );
    }
    const refusal = { ok: false, error: { code: 'NOT_FOUND', message: 'No shipment SD1.', details: { n: 1 } } };
    const refusing = createBridgeTransport(scriptedBridge(() => Promise.resolve(refusal)).bridge);
    await expect(refusing.invoke('shipments.get', { shipmentNo: 'SD1' })).resolves.toEqual(refusal);
  });

  it('passes on the pushes it knows and drops the rest; stopping unsubscribes from the bridge', () => {
    const { bridge, push, listeners } = scriptedBridge(() => Promise.resolve({ ok: true, value: null }));
    const transport = createBridgeTransport(bridge);
    const heard: PushEvent[] = [];
    const stop = transport.onPush((e) => heard.push(e));
    push({ type: 'sync.state', online: false, queued: 3, lastSyncAt: null });
    push({ type: 'sync.state', online: 'no', queued: 3, lastSyncAt: null });
    push({ type: 'printer.jammed' });
    push(null);
    push({ type: 'imports.progress', uploadRef: 'u1', phase: 'saving', done: 5, total: 10 });
    expect(heard).toEqual([
      { type: 'sync.state', online: false, queued: 3, lastSyncAt: null },
      { type: 'imports.progress', uploadRef: 'u1', phase: 'saving', done: 5, total: 10 },
    ]);
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
    // The window and the main process live and die together: no connection changes to report.
    const states: string[] = [];
    transport.onConnection((s) => states.push(s))();
    expect(transport.connection).toBe('open');
    expect(states).toEqual([]);
  });

  it('recognises only an object with invoke and on as the bridge', () => {
    expect(isBridge(undefined)).toBe(false);
    expect(isBridge({ invoke: () => undefined })).toBe(false);
    expect(isBridge({ invoke: 'x', on: () => undefined })).toBe(false);
    expect(isBridge(scriptedBridge(() => Promise.resolve(null)).bridge)).toBe(true);
  });
});
