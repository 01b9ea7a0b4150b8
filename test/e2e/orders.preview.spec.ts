// The order preview shows each line's recipient, address and product, so a wrong mapping is seen
// before anything is saved (issue 19 item 12); English and Korean at 1280×720.
import { koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { expect, test } from './helpers/fixture';
import { openDesk, TIME_ZONE } from './helpers/desk';

const READ = { timeout: 45_000 };

const WORDS = {
  'en-US': {
    lang: 'en',
    open: 'Import orders',
    title: 'Import orders from a sales channel',
    choose: 'choose a file',
    caption: 'Lines of the sheet and their verdicts',
    columns: ['Recipient', 'Address', 'Product'],
  },
  'ko-KR': {
    lang: 'ko',
    open: '주문 가져오기',
    title: '판매처 주문서 가져오기',
    choose: '파일 선택',
    caption: '주문서의 줄과 판정',
    columns: ['수취인', '주소', '상품'],
  },
} as const;

test.use({ timezoneId: TIME_ZONE, deskOptions: { demo: { shipments: 50, seed: 43 } } });

for (const locale of ['en-US', 'ko-KR'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('each line of the preview shows its recipient, address and product', async ({ page, desk }) => {
      const words = WORDS[locale];
      const lines = koreanLines(3, '5500');
      await page.setViewportSize({ width: 1280, height: 720 });
      await openDesk(page, desk);
      await page.getByRole('button', { name: words.open }).click();
      const dialog = page.getByRole('dialog', { name: words.title });
      await dialog.getByLabel(words.choose).setInputFiles({
        name: 'smartstore.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await naverSheet(lines),
      });

      const table = dialog.getByRole('table', { name: words.caption });
      for (const name of words.columns) await expect(table.getByRole('columnheader', { name })).toBeVisible(READ);
      const first = lines[0]!;
      const line = table.getByRole('row').filter({ hasText: first.lineId });
      await expect(line.getByRole('cell', { name: first.recipient, exact: true })).toBeVisible();
      await expect(line.getByRole('cell', { name: first.address1 })).toBeVisible();
      await expect(line.getByRole('cell', { name: `${first.productName} / ${first.option}` })).toBeVisible();
      const fits = await dialog.evaluate((d) => d.getBoundingClientRect().right <= window.innerWidth);
      expect(fits, 'the dialog fits the 1280 window').toBe(true);
      await page.screenshot({ path: `test-results/screens/orders-preview-${words.lang}-1280x720.png` });
    });
  });
}
