// `test` with a desk of its own for every test: its own database (a copy of the demo data, or rows
// the spec writes), its own host, the same fixed "now". Nothing a test changes reaches another test,
// whatever the order or --repeat-each. Choose the data per file or per describe:
//   test.use({ deskOptions: { demo: { shipments: 400, seed: 23 } } });
import { test as base } from '@playwright/test';
import { startDesk, type Desk, type DeskOptions } from './desk';

export const test = base.extend<{ deskOptions: DeskOptions; desk: Desk }>({
  deskOptions: [{ demo: { shipments: 400, seed: 1 } }, { option: true }],
  desk: async ({ deskOptions }, use) => {
    const desk = await startDesk(deskOptions);
    try {
      await use(desk);
    } finally {
      await desk.close();
    }
  },
});

export { expect } from '@playwright/test';
