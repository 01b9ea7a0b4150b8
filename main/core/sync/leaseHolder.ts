// Who holds an outbox lease: host, process id and a per-runner nonce. At start a runner takes back the
// leases of holders that are gone (a killed process on this host, a closed runner in this process)
// at once, instead of waiting for the lease to expire. Holders on other hosts only expire.
import { randomBytes } from 'node:crypto';
import os from 'node:os';

const liveHere = new Set<string>();

export function newLeaseHolder(): { id: string; retire(): void } {
  const id = `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  liveHere.add(id);
  return { id, retire: () => liveHere.delete(id) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
}

export function leaseHolderAlive(owner: string | null): boolean {
  if (!owner) return false;
  const [host, pidText] = owner.split('/');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return liveHere.has(owner);
  return processAlive(pid);
}
