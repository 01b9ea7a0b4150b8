// `npm run web` as a person or a supervisor runs it: scripts/web.mjs starts the built host (dist/, made
// by `npm run build`, which `npm test` runs first). Stopping it with SIGTERM or SIGINT stops the host it
// started and frees the port; even a killed script leaves no host behind. `--now` sets the core's clock.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { tempDir } from '../support/core';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';

const repo = path.resolve(__dirname, '../..');
const TOKEN = 'web-command-test-token';
let dir: string;
const started: ChildProcess[] = [];

beforeAll(() => {
  for (const built of ['dist/main/web.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(repo, built))) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  dir = tempDir('shipdesk-web-command-');
});
afterEach(() => {
  // A failed test must not leave a host running either.
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Running {
  script: ChildProcess;
  url: string;
  port: number;
  /** The host process the script started, from its "listening" log line. */
  hostPid: number;
  stderr: () => string;
  exited: Promise<number | null>;
}

function seededDatabase(name: string): { db: string; shipmentNo: string } {
  const file = path.join(dir, name);
  const db = openDatabase(file);
  seedFacets(db);
  const [shipmentNo] = seedShipments(db, [{}]);
  db.close();
  return { db: file, shipmentNo: shipmentNo! };
}

/** `node scripts/web.mjs ...`, or through npm as a person types it (`npm run web -- ...`). */
async function startWebScript(args: string[], via: 'node' | 'npm' = 'node'): Promise<Running> {
  const [command, ...first] =
    via === 'node' ? [process.execPath, 'scripts/web.mjs'] : ['npm', 'run', '--silent', 'web', '--'];
  const script = spawn(command!, [...first, '--port', '0', '--token', TOKEN, ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SHIPDESK_LOG_LEVEL: 'info' },
  });
  started.push(script);
  let stdout = '';
  let stderr = '';
  // 'close', not 'exit': by then every line the processes wrote has been read.
  const exited = new Promise<number | null>((resolve) => script.on('close', (code) => resolve(code)));
  const ready = new Promise<{ url: string; hostPid: number }>((resolve, reject) => {
    const check = () => {
      const url = /Shipdesk web: (http:\S+)/.exec(stdout)?.[1];
      const listening = stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { message: string; pid?: number })
        .find((l) => l.message === 'listening');
      if (url && listening?.pid) resolve({ url, hostPid: listening.pid });
    };
    script.stdout?.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
    script.stderr?.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
    void exited.then((code) => reject(new Error(`npm run web ended (${code}) before listening:\n${stderr}`)));
  });
  const { url, hostPid } = await ready;
  return { script, url, port: Number(new URL(url).port), hostPid, stderr: () => stderr, exited };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when nothing listens on the port any more (we can take it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function rpc(port: number, method: string, input: unknown): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/rpc/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return res.json();
}

describe('npm run web', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} stops the host it started and frees the port`, async () => {
      const { db } = seededDatabase(`${signal}.db`);
      const web = await startWebScript(['--db', db]);
      expect(web.hostPid).not.toBe(web.script.pid);
      expect(isRunning(web.hostPid)).toBe(true);
      expect(await portIsFree(web.port)).toBe(false);

      web.script.kill(signal);
      expect(await web.exited).toBe(0);
      expect(isRunning(web.hostPid)).toBe(false);
      expect(await portIsFree(web.port)).toBe(true);
      expect(web.stderr()).toMatch(new RegExp(`"message":"closing".*"reason":"${signal}"`));
    });
  }

  it('SIGTERM to npm itself (`npm run web`, as a supervisor stops it) stops the host too', async () => {
    const { db } = seededDatabase('npm.db');
    const web = await startWebScript(['--db', db], 'npm');
    web.script.kill('SIGTERM');
    await web.exited;
    // npm's shell dies without passing the signal on; the script sees its parent go and stops the host.
    await until(() => !isRunning(web.hostPid), 'the host has stopped');
    await until(() => portIsFree(web.port), 'the port is free');
  });

  it('leaves no host behind even when the script itself is killed outright', async () => {
    const { db } = seededDatabase('killed.db');
    const web = await startWebScript(['--db', db]);
    web.script.kill('SIGKILL');
    await web.exited;
    await until(() => !isRunning(web.hostPid), 'the host has stopped');
    await until(() => portIsFree(web.port), 'the port is free');
  });

  it('--now starts the core clock at that moment: a registration made now is dated then', async () => {
    const { db, shipmentNo } = seededDatabase('now.db');
    const now = Date.parse('2026-11-20T09:00:00+09:00');
    const web = await startWebScript(['--db', db, '--now', '2026-11-20T09:00:00+09:00']);
    const registered = await rpc(web.port, 'invoices.register', {
      shipmentNo,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(3),
    });
    expect(registered).toMatchObject({ ok: true });
    const history = (await rpc(web.port, 'invoices.history', { shipmentNo })) as { value: { at: string }[] };
    const at = Date.parse(history.value[0]!.at);
    expect(at).toBeGreaterThanOrEqual(now);
    expect(at - now).toBeLessThan(10 * 60_000); // the clock runs on from there, at the machine's pace
    web.script.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  });
});
