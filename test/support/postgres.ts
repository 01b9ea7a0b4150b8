// A throwaway PostgreSQL cluster for tests: initdb + postgres as a non-root user in a temp folder, on
// a free port of 127.0.0.1, stopped by its PID. One cluster per test run (globalSetup); every test
// file makes its own database in it (createTestDatabase), so files never share rows.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const PREFIX = 'shipdesk-pg-';
/** The superuser the tests connect as (trust on 127.0.0.1 only: nothing else can reach the cluster). */
export const PG_SUPERUSER = 'shipdesk';

export interface TestCluster {
  port: number;
  dir: string;
  pid: number;
  /** A connection URL for one database of the cluster (with the password, when one is asked). */
  url(database: string): string;
  /**
   * Stops the server, keeping its folder and port: `immediate` is a crash (SIGQUIT, recovery at the
   * next start), otherwise a fast shutdown (SIGINT: every client gets 57P01).
   */
  down(o?: { immediate?: boolean }): Promise<void>;
  /** Starts the stopped server again; resolves once it accepts connections. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** fsync and synchronous commit on, as a real pool runs (the bench's throughput figure). */
  durable?: boolean;
  /** The superuser's password, asked of every connection over TCP (default: none asked, trust). */
  password?: string;
}

function binDir(): string {
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  const dirs = [process.env.SHIPDESK_PG_BIN, ...versions.map((v) => path.join(debian, v, 'bin'))];
  for (const dir of dirs) if (dir && fs.existsSync(path.join(dir, 'initdb'))) return dir;
  throw new Error(
    'PostgreSQL is not installed: the hub tests need it (Debian: apt-get install -y postgresql; or set SHIPDESK_PG_BIN).',
  );
}

/** initdb refuses root: run the cluster as the Debian `postgres` user when we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('Running as root needs a non-root "postgres" user for the test cluster (useradd -r postgres).');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Clusters left by a test run that was killed (its runner is gone): stop them and free their folders. */
export function sweepOrphans(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    const ownerFile = path.join(dir, 'runner.pid');
    const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : 0;
    if (owner && alive(owner)) continue;
    // No runner yet: another run (a second Playwright worker, a parallel vitest) is making it right now.
    const made = fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
    if (made === undefined || (!owner && Date.now() - made < 60_000)) continue;
    const pidFile = path.join(dir, 'data', 'postmaster.pid');
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

async function waitReady(port: number, child: ChildProcess, log: string, password?: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres stopped while starting:\n${fs.readFileSync(log, 'utf8')}`);
    const client = new pg.Client({ host: '127.0.0.1', port, user: PG_SUPERUSER, database: 'postgres', password });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not start in 60 s:\n${fs.readFileSync(log, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startTestCluster(o: ClusterOptions = {}): Promise<TestCluster> {
  sweepOrphans();
  const bin = binDir();
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  fs.writeFileSync(path.join(dir, 'runner.pid'), String(process.pid));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  fs.mkdirSync(data, { mode: 0o700 });
  if (user) {
    fs.chownSync(dir, user.uid, user.gid);
    fs.chownSync(data, user.uid, user.gid);
  }
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const pwfile = path.join(dir, 'pwfile');
  if (o.password) {
    fs.writeFileSync(pwfile, o.password + '\n', { mode: 0o600 });
    if (user) fs.chownSync(pwfile, user.uid, user.gid);
  }
  const auth = o.password
    ? ['--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`]
    : ['--auth=trust'];
  const init = spawnSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', PG_SUPERUSER, ...auth, '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    { ...asUser, encoding: 'utf8', cwd: dir },
  );
  fs.rmSync(pwfile, { force: true });
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  // Durability off unless asked: the cluster lives for one test run. Enough connections for two hubs per file.
  const durability = o.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const launch = (port: number): ChildProcess => {
    const fd = fs.openSync(log, 'a');
    if (user) fs.fchownSync(fd, user.uid, user.gid);
    const started = spawn(
      path.join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        ...durability,
        '-c',
        'max_connections=300',
        '-c',
        'shared_buffers=64MB',
      ],
      { ...asUser, cwd: dir, stdio: ['ignore', fd, fd] },
    );
    fs.closeSync(fd);
    return started;
  };
  let port = 0;
  let child: ChildProcess | null = null;
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    const started = launch(port);
    try {
      await waitReady(port, started, log, o.password);
      child = started;
    } catch (err) {
      if (started.exitCode === null) started.kill('SIGQUIT');
      await waitExit(started);
      if (!fs.readFileSync(log, 'utf8').includes('could not bind')) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }
  if (!child || child.pid === undefined) throw new Error('postgres found no free port on 127.0.0.1');
  let server: ChildProcess = child;
  const halt = async (signal: NodeJS.Signals) => {
    const pid = server.pid ?? 0;
    if (server.exitCode === null && server.signalCode === null && alive(pid)) process.kill(pid, signal);
    const timer = setTimeout(() => alive(pid) && process.kill(pid, 'SIGQUIT'), 15_000);
    await waitExit(server);
    clearTimeout(timer);
  };
  return {
    port,
    dir,
    get pid() {
      return server.pid ?? 0;
    },
    url: (database) =>
      `postgres://${PG_SUPERUSER}${o.password ? ':' + encodeURIComponent(o.password) : ''}@127.0.0.1:${port}/${database}`,
    async down(d = {}) {
      await halt(d.immediate ? 'SIGQUIT' : 'SIGINT');
    },
    async up() {
      // The port stays ours while the server is down (nothing else binds it in a test run); after a
      // crash the old server's children may hold its memory a moment, so try a few times.
      for (let attempt = 0; ; attempt++) {
        const started = launch(port);
        try {
          await waitReady(port, started, log, o.password);
          server = started;
          return;
        } catch (err) {
          if (started.exitCode === null) started.kill('SIGQUIT');
          await waitExit(started);
          if (attempt >= 10) throw err;
          await new Promise((res) => setTimeout(res, 500));
        }
      }
    },
    async stop() {
      // SIGINT: PostgreSQL's fast shutdown (disconnects clients, no waiting for them).
      await halt('SIGINT');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The URL of the cluster's `postgres` database, handed to test files by the globalSetup. */
export const PG_ADMIN_URL_KEY = 'shipdeskPgAdminUrl';

/** A fresh, empty database in the cluster for one test file. Returns its URL. */
export async function createTestDatabase(adminUrl: string, label: string): Promise<string> {
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
