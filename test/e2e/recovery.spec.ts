// The screen offers the last backup when the database is damaged: the host still starts, the page says
// what is wrong (Korean and English), lists the backups newest first with their time and size, and
// "Restore the last backup" (keyboard only) puts it back, keeps the damaged file aside and opens the desk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Locator } from '@playwright/test';
import { listBackups } from '../../main/core/db/backupFolder';
import { createCore } from '../../main/core/createCore';
import { openDatabase } from '../../main/core/db/open';
import { generateDemo } from '../../main/core/demo/generate';
import { silentLogger } from '../../main/core/log/logger';
import { openDesk as openRecoverableDesk, type Desk } from '../../main/core/recovery/desk';
import { startWebHost, type WebHost } from '../../main/web/host';
import { damagePages } from '../support/damage';
import { errorsOnly } from '../support/log';
import { DESK_NOW, ensureRenderer, RENDERER, SCREENS, seriousViolations, table, TIME_ZONE } from './helpers/desk';

const HOUR = 3_600_000;
const TABS = ['preparing', 'inDelivery', 'failed', 'delivered'] as const;

let dir: string;
let desk: Desk;
let host: WebHost;
const backups: string[] = [];

test.use({ timezoneId: TIME_ZONE });

test.beforeEach(async () => {
  ensureRenderer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-recovery-'));
  const dbPath = path.join(dir, 'shipdesk.db');
  const db = openDatabase(dbPath);
  generateDemo(db, { shipments: 300, seed: 11, now: DESK_NOW });
  db.close();
  // Two backups while the file was sound: yesterday's daily-like one and one this morning.
  const clock = { now: DESK_NOW - 26 * HOUR };
  const core = createCore({ dbPath, log: silentLogger, autoRelease: false, clock: () => clock.now });
  for (const at of [DESK_NOW - 26 * HOUR, DESK_NOW - 2 * HOUR]) {
    clock.now = at;
    const made = await core.dispatch('data.backupNow', {}, { operator: 'e2e', via: 'manual' });
    if (!made.ok) throw new Error(made.error.message);
  }
  core.close();
  backups.push(...listBackups(dbPath).map((b) => b.fileName)); // newest first
  expect(backups).toHaveLength(2);
  expect(damagePages(dbPath, 'shipments', 3)).toBe(3);
  desk = openRecoverableDesk({ dbPath, log: silentLogger, autoRelease: false, clock: () => DESK_NOW });
  host = await startWebHost({ core: desk, port: 0, rendererDir: RENDERER, log: errorsOnly });
  fs.mkdirSync(SCREENS, { recursive: true });
});

test.afterEach(async () => {
  await host.close();
  desk.close();
  backups.length = 0;
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a damaged database: the screen says so, lists the backups, and restores the last one from the keyboard', async ({
  page,
  browser,
}) => {
  test.slow(); // axe-core on a busy machine
  expect(desk.core).toBeNull();

  // In Korean first: what is wrong and the way out, in the operator's language.
  const korean = await browser.newContext({ locale: 'ko-KR', timezoneId: TIME_ZONE });
  const ko = await korean.newPage();
  await ko.goto(host.url);
  await expect(ko.getByRole('heading', { name: 'Shipdesk가 데이터베이스를 열지 못했습니다' })).toBeVisible();
  await expect(ko.getByRole('button', { name: '마지막 백업 되돌리기' })).toBeVisible();
  await ko.screenshot({ path: path.join(SCREENS, 'recovery-ko.png') });
  await korean.close();

  await page.clock.setFixedTime(DESK_NOW);
  await page.goto(host.url);
  const main = page.getByRole('main', { name: 'Shipdesk could not open its database' });
  await expect(main).toBeVisible();
  await expect(main.getByText('The database file is damaged')).toBeVisible();
  const list = main.getByRole('table', { name: 'Backups found in the data folder, newest first' });
  // Newest first, with the time (Seoul) and a size.
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list.getByRole('row').nth(1)).toHaveAttribute('title', backups[0]!);
  await expect(list.getByRole('row').nth(2)).toHaveAttribute('title', backups[1]!);
  await expect(list.getByRole('row').nth(1)).toContainText('11/20/2026, 07:00');
  await expect(list.getByRole('row').nth(1)).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(list.getByRole('row').nth(2)).toContainText('11/19/2026, 07:00');
  const restore = main.getByRole('button', { name: 'Restore the last backup' });
  await expect(restore).toHaveAccessibleDescription(
    'The last backup was taken 11/20/2026, 07:00 (' + (await sizeOf(list)) + ').',
  );
  await page.screenshot({ path: path.join(SCREENS, 'recovery-en.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard only: the action has the focus; Enter restores.
  await expect(restore).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(table(page)).toHaveAttribute('data-generation', /[1-9]/);
  await expect(main).toHaveCount(0);

  // The desk opened on the backup: its tab counts are the backup file's.
  expect(desk.core).not.toBeNull();
  const backupFile = path.join(dir, 'backups', backups[0]!);
  const copy = new Database(backupFile, { readonly: true });
  try {
    for (const tab of TABS) {
      const { n } = copy
        .prepare("SELECT count(*) AS n FROM shipments WHERE region = 'domestic' AND tab = ?")
        .get(tab) as { n: number };
      await expect(page.getByTestId(`count-${tab}`)).toHaveText(n.toLocaleString('en-US'));
    }
  } finally {
    copy.close();
  }
  // The damaged file was kept aside, not deleted.
  const kept = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('-replaced.db'));
  expect(kept).toHaveLength(1);
  await page.screenshot({ path: path.join(SCREENS, 'recovery-restored-en.png') });
});

async function sizeOf(list: Locator): Promise<string> {
  return (await list.getByRole('row').nth(1).getByRole('cell').nth(2).innerText()).trim();
}
