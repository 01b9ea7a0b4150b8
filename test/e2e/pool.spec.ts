// The Conflicts view with a real pool: a hub on a throwaway PostgreSQL, this desk (station A) and a
// second station (B) on their own SQLite files. B registers a number first; A's operator scanned
// another one before hearing of it. A's status bar shows the conflict; the view says who did what
// and when, and the operator keeps theirs or makes theirs the shipment's number again (a normal
// modify that the pool takes). English and Korean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createCore, type Core } from '../../main/core/createCore';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import type { Db } from '../../main/core/db/open';
import { silentLogger } from '../../main/core/log/logger';
import { seedFacets, seedShipments } from '../support/seed';
import { openDesk, SCREENS, type Desk } from './helpers/desk';
import { expect, test, type E2ePool } from './helpers/pool';

const CJ = 'kr.cjlogistics' as const;
const theirs = sampleInvoiceNumber(CJ, 5555);
const mine = sampleInvoiceNumber(CJ, 4444);

test.use({
  deskOptions: {
    fill: (db: Db) => {
      seedFacets(db);
      seedShipments(db, [{ recipient: '김하나' }, { recipient: '이두리' }]);
    },
  },
});

interface Stations {
  /** Station B, a second desk without a screen. */
  b: Core;
  shipmentNo: string;
  close(): void;
}

/** A registration at a station, as its scanner makes it. */
async function register(core: Core, shipmentNo: string, invoiceNo: string, operator: string): Promise<void> {
  const env = await core.dispatch(
    'invoices.register',
    { shipmentNo, carrierId: CJ, invoiceNo },
    { operator, via: 'scan' },
  );
  if (!env.ok) throw new Error(`the registration was refused: ${env.error.code} ${env.error.message}`);
}

/** A and B join the pool; B registers `theirs` first, A scanned `mine` without hearing of it. */
async function conflictAt(desk: Desk, pool: E2ePool): Promise<Stations> {
  await desk.core.joinHub({ url: pool.hub.url, token: await pool.enrol('A') });
  await desk.core.hub!.syncOnce();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-station-b-'));
  const b = createCore({
    dbPath: path.join(dir, 'b.db'),
    clock: () => desk.now,
    log: silentLogger,
    autoRelease: false,
  });
  await b.joinHub({ url: pool.hub.url, token: await pool.enrol('B') });
  await b.hub!.syncOnce();
  const shipmentNo = (desk.core.db.prepare('SELECT min(shipment_no) AS no FROM shipments').get() as { no: string }).no;
  await register(b, shipmentNo, theirs, '박비');
  expect((await b.hub!.syncOnce()).conflicts).toBe(0);
  // A's screen has not heard of it: its operator scans another number.
  await register(desk.core, shipmentNo, mine, '김에이');
  return {
    b,
    shipmentNo,
    close() {
      b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function poolNumber(pool: E2ePool, shipmentNo: string): Promise<string | undefined> {
  const { rows } = await pool.pool.query<{ invoice_no: string }>(
    'SELECT invoice_no FROM invoices WHERE shipment_no = $1 AND active',
    [shipmentNo],
  );
  return rows[0]?.invoice_no;
}

const localNumber = (core: Core, shipmentNo: string) =>
  (
    core.db
      .prepare('SELECT i.invoice_no FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.shipment_no = ?')
      .get(shipmentNo) as { invoice_no: string } | undefined
  )?.invoice_no;

async function openConflicts(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

test('the operator sees who registered first and makes their own number the shipment’s (English)', async ({
  page,
  desk,
  hubPool,
}) => {
  const st = await conflictAt(desk, hubPool);
  try {
    await openDesk(page, desk);
    await expect(page.getByTestId('pool-station')).toHaveText('Station A');
    await expect(page.getByText('1 waiting for the hub')).toBeVisible();
    expect((await desk.core.hub!.syncOnce()).conflicts).toBe(1);
    // The pool's number stands at A at once; the lost scan is a conflict item.
    expect(localNumber(desk.core, st.shipmentNo)).toBe(theirs);
    await openConflicts(page, /1 changes of this station lost to another station/);
    const item = page.locator(`tr[data-conflict="${st.shipmentNo}"]`);
    await expect(item).toContainText(
      new RegExp(`You scanned CJ Logistics ${mine} at .+; station B registered CJ Logistics ${theirs} at .+\\.`),
    );
    await page.screenshot({ path: path.join(SCREENS, 'pool-conflicts-en.png') });

    await page
      .getByRole('button', {
        name: `Change ${st.shipmentNo} back to this station’s version (a normal modify, sent to the hub)`,
      })
      .click();
    await expect(page.getByText(`Conflict on ${st.shipmentNo} closed.`)).toBeVisible();
    await expect(page.getByText('No open conflicts: every change of this station stands in the pool.')).toBeVisible();
    expect(localNumber(desk.core, st.shipmentNo)).toBe(mine);
    // The modify goes to the pool like any change, and station B gets it.
    expect((await desk.core.hub!.syncOnce()).conflicts).toBe(0);
    expect(await poolNumber(hubPool, st.shipmentNo)).toBe(mine);
    await st.b.hub!.syncOnce();
    expect(localNumber(st.b, st.shipmentNo)).toBe(mine);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('pool-conflicts')).toHaveCount(0);
  } finally {
    st.close();
  }
});

test('the operator keeps the other station’s number (Korean)', async ({ page, desk, hubPool }) => {
  await desk.core.dispatch('settings.update', { language: 'ko' }, { operator: '', via: 'manual' });
  const st = await conflictAt(desk, hubPool);
  try {
    await openDesk(page, desk);
    await expect(page.getByTestId('pool-station')).toHaveText('스테이션 A');
    expect((await desk.core.hub!.syncOnce()).conflicts).toBe(1);
    await openConflicts(page, /이 스테이션의 변경 1건이 다른 스테이션에 밀렸습니다/);
    const item = page.locator(`tr[data-conflict="${st.shipmentNo}"]`);
    await expect(item).toContainText(
      new RegExp(
        `.+에 CJ대한통운 ${mine}을\\(를\\) 스캔했습니다\\. 스테이션 B이\\(가\\) .+에 CJ대한통운 ${theirs}을\\(를\\) 등록했습니다\\.`,
      ),
    );
    await page.screenshot({ path: path.join(SCREENS, 'pool-conflicts-ko.png') });

    await page.getByRole('button', { name: `${st.shipmentNo}의 공용 풀 버전을 유지하고 이 충돌을 닫기` }).click();
    await expect(page.getByText(`${st.shipmentNo}의 충돌을 닫았습니다.`)).toBeVisible();
    await expect(page.getByText('열린 충돌이 없습니다.', { exact: false })).toBeVisible();
    expect(localNumber(desk.core, st.shipmentNo)).toBe(theirs);
    expect((await desk.core.hub!.syncOnce()).pushed).toBe(0);
    expect(await poolNumber(hubPool, st.shipmentNo)).toBe(theirs);
  } finally {
    st.close();
  }
});
