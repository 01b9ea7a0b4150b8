// Item 5 of issue 19: rows Naver would refuse (a line without a 상품주문번호 from a Naver sheet) are
// left out of its upload file, and the export dialog says how many and why before anything is
// downloaded, in English and Korean (docs/ORDERS.md, "Tracking numbers out"). Screenshots at 1280x720.
import type { Core } from '../../main/core/createCore';
import type { InvoiceExportResult } from '../../shared/api/contract';
import { cj } from '../fixtures/excel/desk';
import { koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { openDesk, TIME_ZONE } from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ timezoneId: TIME_ZONE, deskOptions: { demo: { shipments: 200, seed: 41 } } });

const call = { operator: 'e2e', via: 'manual' as const };

/** One line imported from a Naver sheet and one Naver order entered in Shipdesk, both given a number today. */
async function twoNaverNumbers(core: Core): Promise<void> {
  const sheet = await naverSheet(koreanLines(1, '7700'));
  const preview = await core.dispatch(
    'orders.preview',
    { fileName: 'naver.xlsx', bytesBase64: sheet.toString('base64') },
    call,
  );
  if (!preview.ok) throw new Error(preview.error.message);
  const committed = await core.dispatch(
    'orders.commit',
    { importId: Reflect.get(Object(preview.value), 'importId') },
    call,
  );
  if (!committed.ok) throw new Error(committed.error.message);
  const imported = String((Reflect.get(Object(committed.value), 'shipmentNos') as unknown[])[0]);
  const entered = (
    core.db
      .prepare(
        `SELECT s.shipment_no AS no FROM shipments s JOIN orders o ON o.id = s.order_id
         WHERE o.channel = 'naver' AND s.status = 'AWAITING_INVOICE'
           AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.shipment_id = s.id AND oi.line_id IS NOT NULL)
         ORDER BY s.id LIMIT 1`,
      )
      .get() as { no: string }
  ).no;
  for (const [i, shipmentNo] of [imported, entered].entries()) {
    const registered = await core.dispatch(
      'invoices.register',
      { shipmentNo, carrierId: 'kr.cjlogistics', invoiceNo: cj(600 + i) },
      call,
    );
    if (!registered.ok) throw new Error(registered.error.message);
  }
}

const WORDS = {
  'en-US': {
    lang: 'en',
    export: 'Export',
    channel: 'Channel',
    download: 'Download the upload file',
    leftOut: /lines? (is|are) left out: Naver Smart Store would refuse/,
    reason: /no 상품주문번호 from a Naver sheet/,
    rest: /Download the \d+ rows? it takes/,
    downloaded: 'downloaded.',
  },
  'ko-KR': {
    lang: 'ko',
    export: '내보내기',
    channel: '판매처',
    download: '업로드 파일 내려받기',
    leftOut: /줄을 뺐습니다: 네이버 스마트스토어에서 받지 않는 행입니다/,
    reason: /네이버 주문서의 상품주문번호가 없습니다/,
    rest: /받는 \d+행만 내려받기/,
    downloaded: 'naver-발송처리-',
  },
} as const;

for (const locale of ['en-US', 'ko-KR'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('the Naver file leaves out lines Naver would refuse and says so before the download', async ({
      page,
      desk,
    }) => {
      const words = WORDS[locale];
      await twoNaverNumbers(desk.core);
      const expected = await desk.core.dispatch('exports.invoices', { channel: 'naver', date: '2026-11-20' }, call);
      if (!expected.ok) throw new Error(expected.error.message);
      const file = expected.value as InvoiceExportResult;
      const leftOut = file.leftOut.reduce((n, r) => n + r.count, 0);
      expect(leftOut).toBeGreaterThan(0);

      await page.setViewportSize({ width: 1280, height: 720 });
      await openDesk(page, desk);
      await page.getByRole('button', { name: words.export, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: words.export });
      await dialog.getByLabel(words.channel, { exact: true }).selectOption('naver');
      let downloads = 0;
      page.on('download', () => downloads++);
      await dialog.getByRole('button', { name: words.download }).click();
      const status = dialog.getByRole('status');
      await expect(status).toContainText(words.leftOut);
      await expect(status).toContainText(String(leftOut));
      await expect(status).toContainText(words.reason);
      const rest = dialog.getByRole('button', { name: words.rest });
      await expect(rest).toContainText(String(file.rows));
      expect(downloads).toBe(0);
      await page.screenshot({ path: `test-results/screens/export-left-out-${words.lang}-1280x720.png` });

      const downloading = page.waitForEvent('download');
      await rest.click();
      expect((await downloading).suggestedFilename()).toBe('naver-발송처리-2026-11-20.xlsx');
      await expect(status).toContainText(words.downloaded);
    });
  });
}
