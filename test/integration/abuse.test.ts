// Abuse probes: garbage calls over HTTP, WebSocket and the CLI. Every answer must be a typed envelope
// (or a plain refusal status for requests the doors turn away), nothing may be half written, and one
// hostile request must not stall the other screens. Prints the counts per probe family.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../main/core/log/logger';
import { startWebHost, type WebHost } from '../../main/web/host';
import { ERROR_CODES } from '../../shared/errors';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';

const TOKEN = 'abuse-probe-token-0123456789';
const repo = path.resolve(__dirname, '../..');
let core: TestCore;
let host: WebHost;
const counts: Record<string, { requests: number; untyped: number }> = {};

function tally(family: string, typed: boolean): void {
  counts[family] ??= { requests: 0, untyped: 0 };
  counts[family].requests += 1;
  if (!typed) counts[family].untyped += 1;
}

function isEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Reflect.get(value, 'ok') === true) return 'value' in value;
  const error: unknown = Reflect.get(value, 'error');
  return (
    Reflect.get(value, 'ok') === false &&
    typeof error === 'object' &&
    error !== null &&
    (ERROR_CODES as readonly unknown[]).includes(Reflect.get(error, 'code')) &&
    typeof Reflect.get(error, 'message') === 'string'
  );
}

/** One line of writes that garbage must never change. */
const writes = () =>
  core.db
    .prepare(
      'SELECT (SELECT count(*) FROM invoices) AS invoices, (SELECT count(*) FROM history) AS history, (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM settings) AS settings',
    )
    .get();

/** Garbage a fuzzer throws at a method's input: wrong types, huge, nested, hostile strings. */
function garbageInputs(): unknown[] {
  const out: unknown[] = [null, 0, -1, 1e308, 'text', [], [1, 2], true, {}, { __proto__: { x: 1 } }];
  const strings = ['', '\u0000', '\u202e', 'x'.repeat(5000), '=cmd|"/c calc"!A1', "'; DROP TABLE shipments; --", '😀'];
  for (const s of strings) {
    out.push({ shipmentNo: s, carrierId: s, invoiceNo: s });
    out.push({ shipmentNo: 'SD0000000001', carrierId: 'kr.lotte', invoiceNo: s, reason: s });
    out.push({ operatorName: s, homeCountry: s, language: s });
    out.push({ search: { field: s, text: s }, limit: s, cursor: s });
  }
  out.push({ shipmentNo: { $gt: '' } }, { limit: -5 }, { limit: 1e9 }, { tab: 'x'.repeat(100) });
  return out;
}

const METHODS = [
  'shipments.list',
  'shipments.get',
  'shipments.updateAddress',
  'invoices.register',
  'invoices.modify',
  'invoices.delete',
  'settings.update',
  'imports.preview',
  'imports.commit',
  'sync.refresh',
  'sync.updateSettings',
  'data.updateSettings',
  'no.such.method',
];

async function post(method: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${host.port}/rpc/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body,
  });
}

/** Sends raw bytes (to repeat a header, which fetch will not do) and returns the status line. */
function rawStatus(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (d) => (got += d.toString()));
    socket.on('end', () => resolve(got.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
  });
}

beforeAll(async () => {
  core = startTestCore();
  seedFacets(core.db);
  seedShipments(core.db, [{}, {}, {}]);
  const rendererDir = path.join(core.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Shipdesk</title>');
  host = await startWebHost({ core, port: 0, rendererDir, token: TOKEN, operator: 'probe', log: silentLogger });
});
afterAll(async () => {
  await host.close();
  core.cleanup();
  console.info(
    'abuse probes: ' +
      Object.entries(counts)
        .map(([family, c]) => `${family} ${c.requests} requests, ${c.untyped} untyped`)
        .join('; '),
  );
});

describe('abuse probes', () => {
  it('HTTP: garbage inputs to every method get typed envelopes and write nothing', async () => {
    const before = writes();
    for (const method of METHODS) {
      for (const input of garbageInputs()) {
        const res = await post(method, JSON.stringify(input));
        tally('http', res.status === 200 && isEnvelope(await res.json()));
      }
      for (const body of ['{', '[1,', 'null', '"x"', '\u0000', '{"a":'.repeat(40)]) {
        const res = await post(method, body);
        tally('http', res.status === 200 && isEnvelope(await res.json()));
      }
    }
    expect(counts['http']?.untyped).toBe(0);
    expect(writes()).toEqual(before);
  }, 180_000);

  it('WebSocket: garbage frames get typed envelopes and the socket keeps working', async () => {
    const before = writes();
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answers: unknown[] = [];
    ws.on('message', (data) => {
      const frame: unknown = JSON.parse(String(data));
      if (typeof frame === 'object' && frame !== null && 'envelope' in frame) answers.push(frame.envelope);
    });
    const frames: string[] = ['', 'garbage', '{}', '[]', '{"id":1}', '{"id":{},"method":1}', '{"id":1,"method":"x"}'];
    let id = 1;
    for (const method of METHODS)
      for (const input of garbageInputs()) frames.push(JSON.stringify({ id: id++, method, input }));
    frames.push(`{"id":9999,"method":"settings.get","input":${'['.repeat(50)}${']'.repeat(50)}}`);
    for (const f of frames) ws.send(f);
    ws.send(JSON.stringify({ id: 'last', method: 'settings.get', input: {} }));
    for (let waited = 0; answers.length < frames.length + 1 && waited < 60_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    ws.close();
    for (const a of answers) tally('websocket', isEnvelope(a));
    expect(answers).toHaveLength(frames.length + 1);
    expect(counts['websocket']?.untyped).toBe(0);
    expect(writes()).toEqual(before);
  }, 120_000);

  it("WebSocket: the size cap follows the frame's own method; a nested upload method never lifts it", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answers: { id: unknown; envelope: { ok: boolean; error?: { code: string; message: string } } }[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Partial<(typeof answers)[number]>;
      if (frame.envelope) answers.push({ id: frame.id, envelope: frame.envelope }); // pushes aside
      waiters.splice(0).forEach((w) => w());
    });
    const padding = 'x'.repeat(1024 * 1024); // 1 MiB: past the 256 KiB of every method but an upload
    const before = writes();
    const frames = [
      // The upload's method inside the input, before the frame's own.
      `{"id":"nested","input":{"method":"orders.preview","operatorName":"${padding}"},"method":"settings.update"}`,
      // Twice at the top: JSON.parse keeps the last one.
      `{"id":"twice","method":"orders.preview","input":{"operatorName":"${padding}"},"method":"settings.update"}`,
      // A key spelled with an escape reads as "method" once parsed.
      `{"id":"escaped","method":"orders.preview","input":{"operatorName":"${padding}"},"m\\u0065thod":"settings.update"}`,
      // A real upload of that size is not refused for its size (its file is then judged on its own).
      JSON.stringify({ id: 'upload', method: 'orders.preview', input: { fileName: 'a.csv', bytesBase64: padding } }),
    ];
    for (const text of frames) ws.send(text);
    while (answers.length < frames.length) await new Promise<void>((resolve) => waiters.push(resolve));
    ws.close();
    for (const a of answers) tally('websocket', isEnvelope(a.envelope));
    const bySize = answers.filter((a) => /256 KiB/.test(a.envelope.error?.message ?? ''));
    expect(bySize.map((a) => a.envelope.error?.code)).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT']);
    expect(answers.find((a) => a.id === 'upload')?.envelope.error?.message ?? '').not.toMatch(/256 KiB/);
    expect(writes()).toEqual(before);
  });

  it('refuses a request with two Host headers', async () => {
    const status = await rawStatus(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nHost: evil.invalid\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    tally('headers', status.startsWith('HTTP/1.1 421'));
    const one = await rawStatus(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    expect(status).toMatch(/^HTTP\/1\.1 421/);
    expect(one).toMatch(/^HTTP\/1\.1 200/);
  });

  it('a body of a million unknown keys is refused before it is parsed, and other screens keep getting answers', async () => {
    const huge = '{' + Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":0`).join(',') + '}';
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    let worst = 0;
    let running = true;
    const other = (async () => {
      while (running) {
        const t0 = performance.now();
        const res = await post('settings.get', '{}');
        expect(isEnvelope(await res.json())).toBe(true);
        worst = Math.max(worst, performance.now() - t0);
      }
    })();
    for (const [method, body] of [
      ['settings.update', huge],
      ['imports.preview', huge],
      ['shipments.list', deep],
    ] as const) {
      const res = await post(method, body);
      const answer: unknown = await res.json();
      tally('oversized', isEnvelope(answer));
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    running = false;
    await other;
    console.info(`abuse probes: slowest other call while oversized bodies arrived: ${worst.toFixed(0)} ms`);
    expect(counts['oversized']?.untyped).toBe(0);
  }, 120_000);

  it('CLI: garbage `call` inputs answer an envelope (exit 1) or bad usage (exit 2), never a stack', () => {
    core.close();
    for (const [method, input] of [
      ['invoices.register', '{"shipmentNo":"\\u0000"}'],
      ['settings.update', '{"operatorName":"\\u0000"}'],
      ['no.such', '{}'],
      ['shipments.list', '{"limit":"x"}'],
      ['shipments.list', '{not json'],
    ] as const) {
      const r = spawnSync(
        process.execPath,
        [path.join(repo, 'bin/shipdesk.cjs'), 'call', method, input, '--db', core.dbPath],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      let typed = false;
      if (r.status === 1) typed = isEnvelope(JSON.parse(r.stdout));
      else if (r.status === 2) typed = r.stdout === '' && !/\n\s+at /.test(r.stderr);
      tally('cli', typed);
    }
    expect(counts['cli']?.untyped).toBe(0);
  }, 120_000);
});
