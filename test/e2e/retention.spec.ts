// Settings → Data on this computer: the backups kept and the retention period (off by default), what a
// purge would remove now, and a purge that asks first; keyboard only for the purge, Korean and English.
import { openDesk, SCREENS, seriousViolations, TIME_ZONE, type Desk } from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ deskOptions: { demo: { shipments: 300, seed: 9 } }, locale: 'en-US', timezoneId: TIME_ZONE });

const DAY = 86_400_000;

/** The shipments a purge with `days` takes, asked of the database itself. */
function purgeable(desk: Desk, days: number): number {
  const cutoff = desk.now - days * DAY;
  const row = desk.core.db
    .prepare(
      `SELECT count(*) AS n FROM shipments s WHERE s.ordered_at < ? AND s.updated_at < ?
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.shipment_id = s.id AND o.state IN ('pending','leased'))`,
    )
    .get(cutoff, cutoff) as { n: number };
  return row.n;
}

const total = (desk: Desk) => (desk.core.db.prepare('SELECT count(*) AS n FROM shipments').get() as { n: number }).n;

async function dataState(desk: Desk) {
  const answer = await desk.core.dispatch('data.state', {}, { operator: '', via: 'manual' });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as { backupKeep: number; retentionDays: number | null };
}

test('retention is off by default; set it, see what a purge would remove, and purge after confirming', async ({
  page,
  desk,
}) => {
  test.slow(); // axe-core on a busy machine
  const days = 30;
  const expected = purgeable(desk, days);
  expect(expected, 'the demo has shipments older than the period').toBeGreaterThan(0);
  const before = total(desk);

  await openDesk(page, desk);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const section = dialog.getByRole('group', { name: 'Data on this computer' });
  await expect(section.getByLabel('Backups kept')).toHaveValue('7');
  const retention = section.getByRole('checkbox', { name: 'Purge old shipments' });
  await expect(retention).not.toBeChecked();
  await expect(section.getByRole('button', { name: 'Purge now…' })).toHaveCount(0);

  await section.getByLabel('Backups kept').fill('5');
  await retention.check();
  const period = section.getByLabel('Keep shipments for (days)');
  await expect(period).toHaveValue('365');
  await period.fill(String(days));
  const preview = section.getByTestId('purge-preview');
  await expect(preview).toContainText(`A purge now would remove ${expected} shipment`);
  await expect(period).toHaveAccessibleDescription(/A purge now would remove/);
  // Nothing is removed by looking.
  expect(total(desk)).toBe(before);

  await section.getByRole('button', { name: 'Apply data settings' }).click();
  await expect(section.getByTestId('data-care-status')).toHaveText('Data settings saved.');
  expect(await dataState(desk)).toMatchObject({ backupKeep: 5, retentionDays: days });
  await page.screenshot({ path: `${SCREENS}/settings-retention-en.png` });
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

  // The purge asks first; the question has the focus, and Enter answers it.
  await section.getByRole('button', { name: 'Purge now…' }).click();
  const confirm = section.getByRole('group', { name: /^Remove \d+ shipments? for good\?/ });
  await expect(confirm).toContainText(`Remove ${expected} shipment`);
  const yes = confirm.getByRole('button', { name: new RegExp(`^Purge ${expected} shipments?$`) });
  await expect(yes).toBeFocused();
  expect(total(desk)).toBe(before);
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('data-care-status')).toHaveText(new RegExp(`^Purged ${expected} shipments?\\.$`));
  expect(total(desk)).toBe(before - expected);
  expect(purgeable(desk, days)).toBe(0);
  await expect(preview).toHaveText('A purge now would remove no shipments.');
  // The desk behind the dialog follows at once: its tab counts are the database's after the purge.
  for (const tab of ['preparing', 'inDelivery', 'failed', 'delivered'] as const) {
    const { n } = desk.core.db
      .prepare("SELECT count(*) AS n FROM shipments WHERE region = 'domestic' AND tab = ?")
      .get(tab) as { n: number };
    await expect(page.getByTestId(`count-${tab}`)).toHaveText(n.toLocaleString('en-US'));
  }

  // In Korean too.
  await dialog.getByRole('radio', { name: '한국어' }).check();
  const korean = page.getByRole('dialog', { name: '설정' });
  await expect(korean.getByRole('group', { name: '이 컴퓨터의 데이터' })).toBeVisible();
  await expect(korean.getByRole('checkbox', { name: '오래된 배송 정리' })).toBeChecked();
  await expect(korean.getByTestId('purge-preview')).toHaveText('지금 정리하면 지워질 배송이 없습니다.');
  await page.screenshot({ path: `${SCREENS}/settings-retention-ko.png` });
});
