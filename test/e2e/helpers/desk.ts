// One shipping desk per spec file: a real core on a generated demo database behind the web host,
// plus the questions the tests ask the database directly (the truth the screen must match).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { createCore, type Core } from '../../../main/core/createCore';
import { generateDemo } from '../../../main/core/demo/generate';
import { openDatabase } from '../../../main/core/db/open';
import { startWebHost, type WebHost } from '../../../main/web/host';
import { silentLogger } from '../../../main/core/log/logger';
import { errorsOnly } from '../../support/log';

export const ROOT = path.join(__dirname, '../../..');
export const RENDERER = path.join(ROOT, 'dist/renderer');
export const SCREENS = path.join(ROOT, 'test-results/screens');
export const OPERATOR = 'packer-e2e';
/** The demo's days and the date presets are counted in Seoul; the browser runs there too. */
export const TIME_ZONE = 'Asia/Seoul';

export interface Desk {
  core: Core;
  host: WebHost;
  close(): Promise<void>;
}

export function ensureRenderer(): void {
  if (fs.existsSync(path.join(RENDERER, 'index.html'))) return;
  // Only when missing: `npm test` builds first, and a shared dist/ is not rebuilt under other runs.
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.mts'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Demo data generated for "now", so the today / 7 / 30 day presets find orders. */
export async function startDesk(shipments: number, seed: number): Promise<Desk> {
  ensureRenderer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-'));
  const dbPath = path.join(dir, 'shipdesk.db');
  const db = openDatabase(dbPath);
  generateDemo(db, { shipments, seed, now: Date.now() });
  db.close();
  // autoRelease off: a registered invoice stays "Registered" until the test says otherwise.
  const core = createCore({ dbPath, autoRelease: false, log: silentLogger });
  const host = await startWebHost({
    core,
    port: 0,
    rendererDir: RENDERER,
    operator: OPERATOR,
    log: errorsOnly,
  });
  fs.mkdirSync(SCREENS, { recursive: true });
  return {
    core,
    host,
    async close() {
      await host.close();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- the database's answers -------------------------------------------------------------------

export function sqlCount(core: Core, where: string, ...params: unknown[]): number {
  return (core.db.prepare(`SELECT count(*) AS n FROM shipments s WHERE ${where}`).get(...params) as { n: number }).n;
}

export function sqlNos(
  core: Core,
  where: string,
  params: unknown[],
  order = 's.ordered_at DESC, s.id DESC',
  limit = 20,
): string[] {
  const rows = core.db
    .prepare(`SELECT s.shipment_no AS no FROM shipments s WHERE ${where} ORDER BY ${order} LIMIT ?`)
    .all(...params, limit) as { no: string }[];
  return rows.map((r) => r.no);
}

export function sqlOne<T>(core: Core, sql: string, ...params: unknown[]): T {
  const row = core.db.prepare(sql).get(...params) as T | undefined;
  if (row === undefined) throw new Error(`no row for: ${sql}`);
  return row;
}

export function historyOf(
  core: Core,
  shipmentNo: string,
): {
  action: string;
  via: string;
  operator: string;
  reason: string | null;
  before_json: string | null;
  after_json: string | null;
}[] {
  return core.db
    .prepare(
      'SELECT h.action, h.via, h.operator, h.reason, h.before_json, h.after_json FROM history h JOIN shipments s ON s.id = h.shipment_id WHERE s.shipment_no = ? ORDER BY h.id',
    )
    .all(shipmentNo) as ReturnType<typeof historyOf>;
}

// ---- what the operator sees -------------------------------------------------------------------

export const table = (page: Page): Locator => page.getByRole('table', { name: /^(Shipments|배송 목록)/ });
export const row = (page: Page, shipmentNo: string): Locator =>
  page.locator(`.grid-body [role="row"][data-shipment-no="${shipmentNo}"]`);

/** Waits until the grid answered the latest filters, then checks it shows `total` rows in all. */
export async function expectTotal(page: Page, total: number): Promise<void> {
  await expect(table(page)).toHaveAttribute('data-busy', 'false');
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(total + 1));
}

/** The shipment numbers of the rows in the DOM, top to bottom. */
export async function shownNos(page: Page): Promise<string[]> {
  return page.locator('.grid-body [role="row"][data-shipment-no]').evaluateAll((rows) =>
    rows
      .map((r) => ({ no: r.getAttribute('data-shipment-no') ?? '', index: Number(r.getAttribute('aria-rowindex')) }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.no),
  );
}

export async function openDesk(page: Page, desk: Desk): Promise<void> {
  await page.goto(desk.host.url);
  await expect(table(page)).toHaveAttribute('data-generation', /[1-9]/);
}

/** axe-core's serious and critical findings, for the page or only inside `within` (a dialog). */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Counts the tones the page plays (the scanner's beeps), by watching WebAudio. */
export const COUNT_BEEPS = `
  window.__tones = 0;
  const original = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () { window.__tones += 1; return original.call(this); };
`;

export async function tones(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __tones: number }).__tones);
}

/** A keyboard-wedge scanner: the whole code a few ms per key, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** YYYY-MM-DD in Seoul, `daysAgo` days before now. */
export function seoulDay(daysAgo = 0): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() - daysAgo * 86_400_000));
  return parts;
}
