// The web host end to end over real sockets: the doors (token, Host, Origin, paths), the WebSocket
// protocol, pushes, and POST /rpc. A core on a temp SQLite file, a host on a free port.
import fs from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_UPLOAD_BASE64 } from '../../shared/api/contract';
import { DEFAULT_MAX_MESSAGE_BYTES, startWebHost, type WebHost } from '../../main/web/host';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';
import { startTestCore, type TestCore } from '../support/core';
import { captureLog } from '../support/log';

const MAX_MESSAGE = 64 * 1024;
const SECRET = 'secret-outside-the-renderer-folder';

let core: TestCore;
let host: WebHost;
let awaiting: string[] = [];
const captured = captureLog();

beforeAll(async () => {
  core = startTestCore();
  seedFacets(core.db);
  awaiting = seedShipments(core.db, [{}, {}, {}]);
  seedShipments(core.db, [
    { country: 'US' },
    {
      status: 'SHIPPING',
      invoice: {
        carrierId: 'kr.lotte',
        invoiceNo: lotteNumber(1),
        events: [{ at: Date.parse('2026-11-21T00:00:00Z'), code: 'IN_TRANSIT' }],
      },
    },
  ]);
  const rendererDir = path.join(core.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Shipdesk test page</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("shipdesk");');
  fs.writeFileSync(path.join(core.dir, 'secret.txt'), SECRET);
  host = await startWebHost({
    core,
    port: 0,
    rendererDir,
    operator: 'web-test',
    maxMessageBytes: MAX_MESSAGE,
    log: captured.log,
  });
});

afterAll(async () => {
  await host?.close();
  core?.cleanup();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, not fetch: fetch normalises '..' away and will not let a test set Host. */
function raw(
  pathAndQuery: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: pathAndQuery, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const origin = () => `http://127.0.0.1:${host.port}`;
const socketUrl = () => `ws://127.0.0.1:${host.port}/ws`;
/** What the page offers: the plain subprotocol and the one carrying the token (null: none). */
const protocolsFor = (token: string | null = host.token) =>
  token === null ? ['shipdesk'] : ['shipdesk', `shipdesk-token.${token}`];

/** Resolves with an open socket, or the HTTP status the upgrade was refused with. */
function connect(
  url: string,
  headers: Record<string, string> = {},
  protocols: string[] = protocolsFor(),
): Promise<{ ws: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

type Frame = {
  id?: unknown;
  envelope?: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  push?: unknown;
};

/** A test client: sends frames, hands back replies by id and keeps pushes aside. */
async function client(): Promise<{
  ws: WebSocket;
  send(text: string): void;
  reply(id: unknown): Promise<Frame>;
  pushes: Frame[];
  closed: Promise<number>;
}> {
  const opened = await connect(socketUrl(), { Origin: origin() });
  if ('ws' in opened) expect(opened.ws.protocol).toBe('shipdesk'); // never the token echoed back
  if (!('ws' in opened)) throw new Error(`socket refused with ${opened.refused}`);
  const { ws } = opened;
  const frames: Frame[] = [];
  const pushes: Frame[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    (frame.push ? pushes : frames).push(frame);
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return {
    ws,
    pushes,
    closed,
    send: (text) => ws.send(text),
    async reply(id) {
      for (;;) {
        const i = frames.findIndex((f) => f.id === id);
        if (i >= 0) return frames.splice(i, 1)[0]!;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const dbCount = (sql: string) => (core.db.prepare(sql).get() as { n: number }).n;

describe('the page', () => {
  it('is served without the token (it holds no data), with the security headers and never a cookie', async () => {
    const res = await raw('/', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Shipdesk test page');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const asset = await raw('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Cookies reach every port of 127.0.0.1: the host must never hand out one, whatever it is asked.
    const asked = [
      await raw('/'),
      await raw('/assets/app.js'),
      await raw(`/?token=${host.token}`),
      await raw('/rpc/settings.get', {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      }),
      await raw('/rpc/settings.get', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
      await raw('/missing.txt'),
    ];
    for (const answer of asked) expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('printed address carries the token only in the fragment, which is never sent', () => {
    const printed = new URL(host.url);
    expect(printed.search).toBe('');
    expect(printed.hash).toBe(`#token=${host.token}`);
  });

  it('refuses calls with the token in the query or a cookie (only the header counts), and logs without it', async () => {
    const call = (pathAndQuery: string, headers: Record<string, string> = {}) =>
      raw(pathAndQuery, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', ...headers } });
    expect((await call(`/rpc/settings.get?token=${host.token}`)).status).toBe(401);
    expect((await call('/rpc/settings.get', { Cookie: `shipdesk_token_${host.port}=${host.token}` })).status).toBe(401);
    expect(captured.text().some((l) => /refused POST "\/rpc\/settings.get".*token \(401\)/.test(l))).toBe(true);
    expect(captured.text().join('\n')).not.toContain(host.token);
  });

  it('refuses a spoofed Host header even with the right token', async () => {
    const withToken = { Authorization: `Bearer ${host.token}` };
    const spoofed = await raw('/', { headers: { ...withToken, Host: `attacker.invalid:${host.port}` } });
    expect([403, 421]).toContain(spoofed.status);
    const otherPort = await raw('/', { headers: { ...withToken, Host: `127.0.0.1:${host.port + 1}` } });
    expect([403, 421]).toContain(otherPort.status);
    const localhost = await raw('/', { headers: { ...withToken, Host: `localhost:${host.port}` } });
    expect(localhost.status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/assets/',
      '/%00index.html',
      '/%E0%A4%A',
    ];
    for (const attempt of attempts) {
      const res = await raw(attempt);
      expect([400, 403, 404], attempt).toContain(res.status);
      expect(res.body, attempt).not.toContain(SECRET);
    }
  });

  it('refuses other methods, and any non-GET from a foreign Origin', async () => {
    const bearer = { Authorization: `Bearer ${host.token}` };
    const put = await raw('/', { method: 'PUT', headers: { ...bearer, Origin: origin() } });
    expect(put.status).toBe(405);
    const foreign = await raw('/', {
      method: 'DELETE',
      headers: { ...bearer, Origin: 'http://attacker.invalid' },
    });
    expect(foreign.status).toBe(403);
  });
});

describe('the socket', () => {
  it('refuses an upgrade without the token, with a wrong one, from a foreign Origin, or on another path', async () => {
    expect(await connect(socketUrl(), {}, protocolsFor(null))).toEqual({ refused: 401 });
    expect(await connect(socketUrl(), {}, [])).toEqual({ refused: 401 });
    expect(await connect(socketUrl(), {}, protocolsFor('nope-nope-nope-nope'))).toEqual({ refused: 401 });
    // The old ways in are closed: the query and the cookie carry nothing any more.
    expect(await connect(`${socketUrl()}?token=${host.token}`, { Origin: origin() }, protocolsFor(null))).toEqual({
      refused: 401,
    });
    expect(
      await connect(
        socketUrl(),
        { Origin: origin(), Cookie: `shipdesk_token_${host.port}=${host.token}` },
        protocolsFor(null),
      ),
    ).toEqual({ refused: 401 });
    expect(await connect(socketUrl(), { Origin: 'http://attacker.invalid' })).toEqual({ refused: 403 });
    expect(await connect(socketUrl(), { Origin: 'null' })).toEqual({ refused: 403 });
    const spoofed = await connect(socketUrl(), { Host: `attacker.invalid:${host.port}` });
    expect('refused' in spoofed && [403, 421].includes(spoofed.refused)).toBe(true);
    expect(await connect(`ws://127.0.0.1:${host.port}/elsewhere`)).toEqual({ refused: 404 });
    expect(captured.text().some((l) => /foreign Origin \(403\)/.test(l))).toBe(true);
  });

  it('accepts the token as a Bearer header as well (scripts)', async () => {
    const opened = await connect(socketUrl(), { Authorization: `Bearer ${host.token}` }, []);
    expect('ws' in opened).toBe(true);
    if ('ws' in opened) opened.ws.close();
  });

  it('round-trips shipments.list with rows and counts that match the database', async () => {
    const c = await client();
    c.send(
      JSON.stringify({ id: 1, method: 'shipments.list', input: { tab: 'preparing', region: 'domestic', limit: 50 } }),
    );
    const reply = await c.reply(1);
    expect(reply.envelope?.ok).toBe(true);
    const value = reply.envelope?.value as { rows: { shipmentNo: string }[]; counts: Record<string, number> };
    expect(value.rows.map((r) => r.shipmentNo).sort()).toEqual([...awaiting].sort());
    expect(value.counts.preparing).toBe(
      dbCount("SELECT count(*) n FROM shipments WHERE region='domestic' AND tab='preparing'"),
    );
    expect(value.counts.inDelivery).toBe(
      dbCount("SELECT count(*) n FROM shipments WHERE region='domestic' AND tab='inDelivery'"),
    );
    c.ws.close();
  });

  it('answers an unknown method with UNKNOWN_METHOD and string ids work too', async () => {
    const c = await client();
    c.send(JSON.stringify({ id: 'a-1', method: 'shipments.burn', input: {} }));
    expect((await c.reply('a-1')).envelope?.error?.code).toBe('UNKNOWN_METHOD');
    c.ws.close();
  });

  it('answers malformed JSON with INVALID_INPUT and keeps answering on the same socket', async () => {
    const c = await client();
    c.send('{"id": 1, "method": ');
    const bad = await c.reply(null);
    expect(bad.envelope).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not valid JSON/) },
    });
    c.send(JSON.stringify({ method: 'settings.get', input: {} }));
    expect((await c.reply(null)).envelope?.error?.code).toBe('INVALID_INPUT');
    c.send(JSON.stringify({ id: 7, method: 42 }));
    expect((await c.reply(7)).envelope?.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/method/),
    });
    c.send(JSON.stringify({ id: 8, method: 'shipments.list', input: { limit: 'lots' } }));
    expect((await c.reply(8)).envelope?.error?.code).toBe('INVALID_INPUT');
    c.send(JSON.stringify({ id: 2, method: 'carriers.list', input: { region: 'domestic' } }));
    const good = await c.reply(2);
    expect(good.envelope?.ok).toBe(true);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    c.ws.close();
  });

  it('closes a socket that sends an oversized message with 1009, and other sockets keep working', async () => {
    const bystander = await client();
    const c = await client();
    c.send(JSON.stringify({ id: 1, method: 'shipments.list', input: { pad: 'x'.repeat(MAX_MESSAGE + 10) } }));
    expect(await c.closed).toBe(1009);
    await until(() => captured.text().some((l) => /1009/.test(l)));
    bystander.send(JSON.stringify({ id: 3, method: 'settings.get', input: {} }));
    expect((await bystander.reply(3)).envelope?.ok).toBe(true);
    const fresh = await client();
    fresh.send(JSON.stringify({ id: 4, method: 'settings.get', input: {} }));
    expect((await fresh.reply(4)).envelope?.ok).toBe(true);
    bystander.ws.close();
    fresh.ws.close();
  });

  it('by default takes a message as large as the biggest upload the contract allows', () => {
    expect(DEFAULT_MAX_MESSAGE_BYTES).toBeGreaterThan(MAX_UPLOAD_BASE64);
  });

  it('pushes shipments.changed to every socket after invoices.register, which records the host operator', async () => {
    const watcher = await client();
    const actor = await client();
    const shipmentNo = awaiting[0]!;
    actor.send(
      JSON.stringify({
        id: 10,
        method: 'invoices.register',
        input: { shipmentNo, carrierId: 'kr.lotte', invoiceNo: lotteNumber(50) },
      }),
    );
    const reply = await actor.reply(10);
    expect(reply.envelope?.ok).toBe(true);
    await until(() => watcher.pushes.length > 0 && actor.pushes.length > 0);
    expect(watcher.pushes[0]).toEqual({ push: { type: 'shipments.changed', shipmentNos: [shipmentNo] } });
    const history = core.db
      .prepare(
        "SELECT h.operator, h.via FROM history h JOIN shipments s ON s.id = h.shipment_id WHERE s.shipment_no = ? AND h.action = 'registered'",
      )
      .get(shipmentNo);
    expect(history).toEqual({ operator: 'web-test', via: 'manual' });
    watcher.ws.close();
    actor.ws.close();
  });
});

describe('POST /rpc/<method>', () => {
  const post = (method: string, body: string, headers: Record<string, string> = {}) =>
    raw(`/rpc/${method}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  const bearer = () => ({ Authorization: `Bearer ${host.token}` });

  it('returns the envelope for a good call, with the token from the Authorization header', async () => {
    const res = await post('shipments.list', JSON.stringify({ region: 'international' }), bearer());
    expect(res.status).toBe(200);
    const envelope = JSON.parse(res.body) as { ok: boolean; value: { rows: unknown[] } };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.rows).toHaveLength(1);
    const viaFetch = await fetch(`${origin()}/rpc/carriers.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer() },
      body: JSON.stringify({ region: 'domestic' }),
    });
    expect(((await viaFetch.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('rejects a missing or wrong token, a foreign Origin and a spoofed Host', async () => {
    expect((await post('settings.get', '{}')).status).toBe(401);
    expect((await post('settings.get', '{}', { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post('settings.get', '{}', { ...bearer(), Origin: 'http://attacker.invalid' })).status).toBe(403);
    expect([403, 421]).toContain((await post('settings.get', '{}', { ...bearer(), Host: 'attacker.invalid' })).status);
  });

  it('refuses an oversized body with 413, a non-JSON type with 415, and answers bad JSON with INVALID_INPUT', async () => {
    expect((await post('settings.get', 'x'.repeat(MAX_MESSAGE + 1), bearer())).status).toBe(413);
    expect(
      (
        await raw('/rpc/settings.get', {
          method: 'POST',
          body: '{}',
          headers: { ...bearer(), 'Content-Type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    const bad = await post('settings.get', '{nope', bearer());
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await post('nothing.here', '{}', bearer());
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('is still serving after every refusal above', async () => {
    const res = await raw('/rpc/carriers.list', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json', ...bearer() },
    });
    expect(res.status).toBe(200);
  });
});
