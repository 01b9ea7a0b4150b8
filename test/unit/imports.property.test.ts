// Whatever bytes arrive, the importer answers with rows or a clear refusal: it never throws and never
// hangs. Most runs call the worker's function directly (fast); a few go through the real worker.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUpload } from '../../main/core/sheets/parseUpload';
import { parseInWorker, stopParseWorker } from '../../main/core/sheets/workerHost';
import { ERROR_CODES } from '../../shared/errors';
import { rewriteEntry } from '../fixtures/excel/hostile';
import { ENGLISH_HEADER, sheet } from '../fixtures/excel/workbooks';

let valid: Buffer;
beforeAll(async () => {
  valid = await sheet(ENGLISH_HEADER, [
    ['SD0000000001', 'kr.cjlogistics', '353563075655'],
    ['SD0000000002', 'CJ대한통운', 353563075655],
  ]);
});
afterAll(() => stopParseWorker());

/** Resolves with the outcome, or fails the property if it takes longer than `ms`. */
async function answerWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const FILE_CODES = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));

function assertClear(out: Awaited<ReturnType<typeof parseUpload>>): void {
  if (out.ok) {
    expect(out.sheet.rows.length).toBeLessThanOrEqual(1_000);
    return;
  }
  expect(FILE_CODES.has(out.refusal.code), out.refusal.code).toBe(true);
  expect(out.refusal.message.length).toBeGreaterThan(20);
}

/** A valid workbook with bytes flipped, cut, or spliced in. */
const mutatedXlsx = fc
  .record({
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
    cut: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
    splice: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })), { nil: undefined }),
  })
  .map(({ flips, cut, splice }) => {
    let b = Buffer.from(valid);
    for (const [at, v] of flips) b[at % b.length] = v;
    if (splice) {
      const at = splice[0] % b.length;
      b = Buffer.concat([b.subarray(0, at), Buffer.from(splice[1]), b.subarray(at)]);
    }
    return cut === undefined ? b : b.subarray(0, Math.max(1, Math.floor(b.length * cut)));
  });

/** A valid workbook whose sheet or shared-strings XML is damaged, then zipped properly: exceljs parses it. */
const mutatedXml = fc
  .record({
    part: fc.constantFrom(
      'xl/worksheets/sheet1.xml',
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
      '[Content_Types].xml',
      'xl/styles.xml',
    ),
    edits: fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 12 }),
        fc.constantFrom(
          '',
          '<',
          '>',
          '"',
          '&',
          '<row>',
          '</c>',
          '<v>',
          'r="XFD1048576"',
          '<f>A1</f>',
          '\u0000',
          '9.4E+21',
          'x',
        ),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ part, edits }) =>
    rewriteEntry(valid, part, (xml) =>
      edits.reduce((x, [at, len, insert]) => {
        const i = at % (x.length + 1);
        return x.slice(0, i) + insert + x.slice(i + len);
      }, xml),
    ),
  );

describe('the importer never throws or hangs', () => {
  it('on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        assertClear(await answerWithin(parseUpload(Buffer.from(bytes)), 5_000));
      }),
      { numRuns: 500 },
    );
  });

  it('on text that looks almost like a CSV', async () => {
    const line = fc.array(
      fc.oneof(
        fc.constantFrom('배송번호', 'Carrier', 'Invoice No.', '"', ',', '\r\n', '\t', 'SD0000000001'),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 30 },
    );
    await fc.assert(
      fc.asyncProperty(line, async (parts) => {
        assertClear(await answerWithin(parseUpload(Buffer.from(parts.join(''))), 5_000));
      }),
      { numRuns: 200 },
    );
  });

  it('on mutated valid workbooks', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedXlsx, async (bytes) => {
        assertClear(await answerWithin(parseUpload(bytes), 5_000));
      }),
      { numRuns: 400 },
    );
  });

  it('on workbooks with damaged XML inside a sound zip', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedXml, async (bytes) => {
        assertClear(await answerWithin(parseUpload(bytes), 5_000));
      }),
      { numRuns: 300 },
    );
  });

  it('through the real worker too', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutatedXlsx,
          mutatedXml,
          fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
        ),
        async (bytes) => {
          assertClear(await answerWithin(parseInWorker(bytes), 15_000));
        },
      ),
      { numRuns: 30 },
    );
  });
});
