// Screen figures (issue 3): Debian Chromium against the web host on a copy of a demo database.
// Each figure stands beside the core's own time for the same operation (the dispatch timed
// in-process), so the renderer's and the transport's share is visible. Paints are timestamped in
// the page: a requestAnimationFrame after the change is committed, i.e. the frame that shows it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createCore, type Core } from '../../main/core/createCore';
import { startWebHost, type WebHost } from '../../main/web/host';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { measure, round, summarize, type BenchResult } from './stats';
import { silentLogger } from '../../main/core/log/logger';

const ROOT = path.join(__dirname, '../..');
const RENDERER = path.join(ROOT, 'dist/renderer');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ctx = { operator: 'bench', via: 'manual' as const };
const ROW_HEIGHT = 32;

// In-page probes, as plain script text (no bundler helpers inside page.evaluate).
const PROBES = `
  globalThis.__name = (f) => f;
  window.__bench = { keyAt: 0, result: null };
  document.addEventListener('keydown', (e) => { window.__bench.keyAt = e.timeStamp; }, true);
  const painted = () => requestAnimationFrame(() => { window.__bench.result = performance.now() - window.__bench.keyAt; });
  window.__bench.awaitGrid = () => {
    const table = document.querySelector('[role="table"]');
    const before = table.getAttribute('data-generation');
    window.__bench.result = null;
    const watch = new MutationObserver(() => {
      if (table.getAttribute('data-generation') === before) return;
      watch.disconnect();
      painted();
    });
    watch.observe(table, { attributes: true, attributeFilter: ['data-generation'] });
  };
  window.__bench.awaitStatus = (no, status) => {
    window.__bench.result = null;
    const body = document.querySelector('.grid-body');
    const watch = new MutationObserver(() => {
      const row = document.querySelector('[data-shipment-no="' + no + '"]');
      if (!row || row.getAttribute('data-status') !== status) return;
      watch.disconnect();
      painted();
    });
    watch.observe(body, { attributes: true, subtree: true, childList: true, attributeFilter: ['data-status'] });
  };
  window.__bench.scrollRows = (rows, perFrame, rowHeight) => new Promise((resolve) => {
    const el = document.getElementById('shipment-grid');
    const frames = [];
    let last = 0;
    let waiting = 0;
    const tick = (t) => {
      if (last) frames.push(t - last);
      last = t;
      if (document.querySelector('.grid-row-placeholder')) waiting += 1;
      if (el.scrollTop >= rows * rowHeight || el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return resolve({ frames, waiting });
      el.scrollTop += perFrame * rowHeight;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
`;

function result(
  name: string,
  size: number,
  samples: number[],
  core: number[],
  extra: Partial<BenchResult>,
): BenchResult {
  const s = summarize(samples);
  const c = summarize(core);
  return {
    name,
    size,
    p50_ms: round(s.p50),
    p95_ms: round(s.p95),
    floor_p50_ms: round(c.p50),
    core_p95_ms: round(c.p95),
    samples: samples.length,
    ...extra,
  };
}

async function dispatch<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<unknown> {
  const answer = await core.dispatch(method, input, ctx);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

async function freshPage(browser: Browser, host: WebHost): Promise<Page> {
  // bypassCSP: the probes wait on expressions, which the page's policy (no eval) would refuse.
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'en-US',
    timezoneId: 'Asia/Seoul',
    bypassCSP: true,
  });
  await context.addInitScript({ content: PROBES });
  // The desk's carrier is known, as after the first scan of the day (the station remembers it).
  await context.addInitScript({ content: `localStorage.setItem('shipdesk.lastCarrier', '{"domestic":"kr.lotte"}')` });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.waitForFunction(`performance.getEntriesByName('shipdesk:first-rows').length > 0`, undefined, {
    timeout: 60_000,
  });
  return page;
}

const waitResult = async (page: Page): Promise<number> => {
  await page.waitForFunction('window.__bench.result !== null', undefined, { timeout: 30_000 });
  return Number(await page.evaluate('window.__bench.result'));
};

/** Page load -> first rows painted (fresh context each run, so nothing is cached). */
async function firstRows(
  browser: Browser,
  host: WebHost,
  core: Core,
  size: number,
  runs: number,
): Promise<BenchResult> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await freshPage(browser, host);
    samples.push(Number(await page.evaluate(`performance.getEntriesByName('shipdesk:first-rows')[0].startTime`)));
    await page.context().close();
  }
  const coreTimes = await measure(
    () => dispatch(core, 'shipments.list', { tab: 'preparing', region: 'domestic', limit: 100 }),
    runs,
  );
  return result('screen: page load -> first rows painted', size, samples, coreTimes, { target: 'p50 <= 1500 ms' });
}

/** Each keystroke of a shipment number typed into the search box -> the grid shows its answer. */
async function searchKeystrokes(page: Page, core: Core, size: number, runs: number): Promise<BenchResult> {
  const text = (
    core.db
      .prepare(
        "SELECT shipment_no AS no FROM shipments WHERE region = 'domestic' AND tab = 'preparing' ORDER BY id DESC LIMIT 1",
      )
      .get() as { no: string }
  ).no;
  const box = page.getByRole('searchbox', { name: 'Search text' });
  const samples: number[] = [];
  const prefixes: string[] = [];
  const clear = async () => {
    if ((await box.inputValue()) === '') return;
    await page.evaluate('window.__bench.awaitGrid()');
    await box.fill('');
    await page.waitForFunction('window.__bench.result !== null', undefined, { timeout: 30_000 });
  };
  await box.focus();
  while (samples.length < runs) {
    await clear();
    for (let k = 1; k <= text.length && samples.length < runs; k++) {
      await page.evaluate('window.__bench.awaitGrid()');
      await page.keyboard.press(text[k - 1] ?? '0');
      samples.push(await waitResult(page));
      prefixes.push(text.slice(0, k));
    }
  }
  await clear();
  const coreTimes = await measure(
    (i) =>
      dispatch(core, 'shipments.list', {
        tab: 'preparing',
        region: 'domestic',
        limit: 100,
        search: { field: 'shipmentNo', text: prefixes[Math.abs(i) % prefixes.length] ?? text, mode: 'prefix' },
      }),
    runs,
  );
  return result('screen: search keystroke -> grid updated', size, samples, coreTimes, { target: 'p95 <= 150 ms' });
}

/** Scan a shipment's slip (its dialog opens), scan its invoice; Enter -> the row shows "Registered". */
async function scannerRegistrations(page: Page, core: Core, size: number, runs: number): Promise<BenchResult> {
  const samples: number[] = [];
  let serial = 0;
  const number = () => {
    const base = 61_000_000_000 + serial++;
    return `${base}${base % 7}`; // Lotte: 12 digits, mod 7
  };
  await page.locator('.app-header').click();
  while (samples.length < runs) {
    const no = await page.evaluate(
      `document.querySelector('.grid-body [data-status="AWAITING_INVOICE"]')?.getAttribute('data-shipment-no') ?? null`,
    );
    if (typeof no !== 'string') {
      await page.evaluate(`document.getElementById('shipment-grid').scrollTop += ${12 * ROW_HEIGHT}`);
      await page.waitForTimeout(100);
      continue;
    }
    await page.keyboard.type(no, { delay: 5 });
    await page.keyboard.press('Enter');
    const field = page.getByRole('dialog').getByLabel('Invoice No.');
    await field.waitFor();
    await page.waitForFunction(`document.activeElement?.getAttribute('data-scan-target') === 'invoice'`);
    await page.keyboard.type(number(), { delay: 5 });
    await page.evaluate(`window.__bench.awaitStatus(${JSON.stringify(no)}, 'PREPARING_TO_SHIP')`);
    await page.keyboard.press('Enter');
    samples.push(await waitResult(page));
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
  const awaiting = core.db
    .prepare(
      "SELECT shipment_no AS no FROM shipments WHERE status = 'AWAITING_INVOICE' AND region = 'domestic' ORDER BY id LIMIT ?",
    )
    .all(runs + 3) as { no: string }[];
  const coreTimes = await measure(
    async (i) => {
      const target = awaiting[i < 0 ? -1 - i : i + 3];
      if (!target) return;
      const invoiceNo = number();
      await dispatch(core, 'carriers.validate', { carrierId: 'kr.lotte', invoiceNo });
      await dispatch(core, 'invoices.register', {
        shipmentNo: target.no,
        carrierId: 'kr.lotte',
        invoiceNo,
        via: 'scan',
      });
    },
    Math.min(runs, Math.max(1, awaiting.length - 3)),
  );
  return result('screen: scanner Enter -> row shows new status', size, samples, coreTimes, {
    target: 'p95 <= 200 ms',
    core_is: 'carriers.validate + invoices.register',
  });
}

/**
 * Frame times while scrolling through 10,000 rows at a brisk wheel pace (5 rows a frame, 300 rows/s),
 * pages loading as it goes; and a fling (20 rows a frame) over 2,000 rows, where every frame shows
 * a screenful of new rows. Headless Chromium here rasterises in software (--disable-gpu), so a
 * frame costs what painting a screen of new text costs on the CPU.
 */
async function scrollFrames(page: Page, core: Core, size: number, runs: number): Promise<BenchResult[]> {
  await page.getByRole('tab', { name: /Delivered/ }).click();
  await page.waitForFunction(`document.querySelector('[role="table"]').getAttribute('data-busy') === 'false'`);
  let cursor: string | null = null;
  const coreTimes = await measure(
    async () => {
      const page500 = (await dispatch(core, 'shipments.list', {
        tab: 'delivered',
        region: 'domestic',
        limit: 500,
        ...(cursor ? { cursor } : {}),
      })) as { nextCursor: string | null };
      cursor = page500.nextCursor;
    },
    Math.max(runs, 20),
  );
  const out: BenchResult[] = [];
  for (const [rows, perFrame] of [
    [10_000, 5],
    [2_000, 20],
  ] as const) {
    await page.evaluate(`document.getElementById('shipment-grid').scrollTop = 0`);
    await page.waitForTimeout(300);
    const answer = (await page.evaluate(`window.__bench.scrollRows(${rows}, ${perFrame}, ${ROW_HEIGHT})`)) as {
      frames: number[];
      waiting: number;
    };
    out.push(
      result(
        `screen: frame time scrolling ${rows.toLocaleString('en-US')} rows, ${perFrame} rows/frame`,
        size,
        answer.frames,
        coreTimes,
        {
          target: 'report p95 (16.7 ms = 60 fps)',
          frames: answer.frames.length,
          frames_with_rows_loading: answer.waiting,
          core_is: 'one keyset page of 500 rows',
        },
      ),
    );
  }
  return out;
}

export async function benchScreen(dbFile: string, size: number, runs: number): Promise<BenchResult[]> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.mts'],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
  // A copy: the scanner figure registers invoices, and the cached demo must stay as generated.
  const work = `${dbFile}.screen`;
  for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(dbFile, work);
  const core = createCore({ dbPath: work, autoRelease: false, log: silentLogger });
  // The station remembers its last carrier (set in Settings), so a scanned number registers with no other key.
  await dispatch(core, 'settings.update', { rememberLastCarrier: true });
  const host = await startWebHost({
    core,
    port: 0,
    rendererDir: RENDERER,
    operator: 'bench',
    log: silentLogger,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const out: BenchResult[] = [];
  try {
    // One figure failing (a busy machine can time the browser out) leaves a row saying so, not a hole.
    const attempt = async (name: string, figure: () => Promise<BenchResult | BenchResult[]>) => {
      try {
        const r = await figure();
        out.push(...(Array.isArray(r) ? r : [r]));
      } catch (err) {
        console.error(`  ${name} failed:`, err);
        process.exitCode = 1;
        const error = err instanceof Error ? err.message.split('\n')[0] : String(err);
        out.push({ name: `${name}: FAILED (${error})`, size, p50_ms: NaN, p95_ms: NaN });
      }
    };
    await attempt('screen: page load -> first rows painted', () =>
      firstRows(browser, host, core, size, Math.min(runs, 20)),
    );
    const page = await freshPage(browser, host);
    await attempt('screen: search keystroke -> grid updated', () => searchKeystrokes(page, core, size, runs));
    await attempt('screen: scanner Enter -> row shows new status', () => scannerRegistrations(page, core, size, runs));
    await page.keyboard.press('Escape'); // a failed scan may have left the dialog open
    await attempt('screen: frame time scrolling', () => scrollFrames(page, core, size, runs));
  } finally {
    await browser.close();
    await host.close();
    core.close();
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  }
  return out;
}
