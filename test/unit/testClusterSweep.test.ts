// The hub tests' throwaway PostgreSQL folders (test/support/postgres.ts): a run sweeps what killed
// runs left, never the folder another run is making at that moment (two Playwright workers, two
// engineers' vitest runs on one machine).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepOrphans } from '../support/postgres';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const clusterFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-pg-'));
  made.push(dir);
  return dir;
};
/** The pid of a process that has ended. */
const endedPid = () => spawnSync(process.execPath, ['-e', '0']).pid ?? 0;

describe('sweeping the clusters of killed test runs', () => {
  it('keeps a folder another run has just made and not yet signed', () => {
    const dir = clusterFolder();
    sweepOrphans();
    expect(fs.existsSync(dir)).toBe(true);
  });

  it("removes a folder whose run has ended, and keeps a live run's", () => {
    const ended = clusterFolder();
    fs.writeFileSync(path.join(ended, 'runner.pid'), String(endedPid()));
    const live = clusterFolder();
    fs.writeFileSync(path.join(live, 'runner.pid'), String(process.pid));
    sweepOrphans();
    expect(fs.existsSync(ended)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
  });

  it('removes an unsigned folder a killed run left long ago', () => {
    const dir = clusterFolder();
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(dir, hourAgo, hourAgo);
    sweepOrphans();
    expect(fs.existsSync(dir)).toBe(false);
  });
});
