// Telling a scanner from a person: by the pace in the key events' own timestamps (ScanTimer), and
// by a programmed prefix/suffix whatever the pace (ScanFrame); Ctrl+letter keys as control characters.
import { describe, expect, it } from 'vitest';
import { readControls, scannerFrameProblem, writeControls } from '../../shared/scannerFrame';
import { ScanFrame, type FrameStep } from '../../renderer/src/features/scanner/scanFrame';
import { scannedChar } from '../../renderer/src/features/scanner/scanKeys';
import { ScanTimer } from '../../renderer/src/features/scanner/scanTimer';

const field = new EventTarget(); // the invoice field
const page = new EventTarget(); // the page, no field

/** Types `text` into `target` starting at `start`, `gap` ms apart; returns when the last key was typed. */
function typeInto(timer: ScanTimer, text: string, start: number, gap: number, target: EventTarget = field): number {
  let at = start;
  for (const [i, ch] of [...text].entries()) {
    at = start + i * gap;
    timer.key(ch, at, target, '');
  }
  return at;
}

describe('ScanTimer: the pace of the keys, from their timestamps', () => {
  it('takes 12 keys 5 ms apart and an Enter for a scan, whatever the order of arrival in real time', () => {
    const timer = new ScanTimer();
    const last = typeInto(timer, '241743423084', 1000, 5);
    expect(timer.enter(last + 5)).toEqual({ text: '241743423084', target: field, before: '' });
  });

  it('takes keys 120 ms apart for typing by hand', () => {
    const timer = new ScanTimer();
    const last = typeInto(timer, '241743423084', 1000, 120);
    expect(timer.enter(last + 120)).toBeNull();
  });

  it('forgives one stall in the middle of a scan (a busy computer delivering in bursts)', () => {
    const timer = new ScanTimer();
    let at = typeInto(timer, '241743', 1000, 4);
    at = typeInto(timer, '423084', at + 250, 4);
    expect(timer.enter(at + 4)?.text).toBe('241743423084');
  });

  it('does not take a short burst (quick typing of a few keys) for a scan', () => {
    const timer = new ScanTimer();
    const last = typeInto(timer, 'ab1', 1000, 5);
    expect(timer.enter(last + 5)).toBeNull();
  });

  it('starts over after a pause and when the keys go somewhere else', () => {
    const timer = new ScanTimer();
    typeInto(timer, 'typed by hand', 0, 150);
    const last = typeInto(timer, 'SD0000000123', 5000, 5);
    expect(timer.enter(last + 5)?.text).toBe('SD0000000123');

    typeInto(timer, 'SD00000', 9000, 5, page);
    const end = typeInto(timer, '00123', 9040, 5, field);
    expect(timer.enter(end + 5)).toBeNull(); // five keys in the field: too short
  });

  it('does not count a scan whose Enter comes long after the last key', () => {
    const timer = new ScanTimer();
    const last = typeInto(timer, '241743423084', 1000, 5);
    expect(timer.enter(last + 1000)).toBeNull();
  });
});

function feed(frame: ScanFrame, keys: string, start: number, gap: number, target: EventTarget = field): FrameStep[] {
  return [...keys].map((ch, i) => frame.key(ch, start + i * gap, target, ''));
}

describe('ScanFrame: a programmed prefix and/or suffix, whatever the pace', () => {
  it('with a prefix, the code is what follows it up to Enter, even typed slowly', () => {
    const frame = new ScanFrame();
    frame.configure({ prefix: '\u0002', suffix: '' });
    const steps = feed(frame, '\u0002241743423084', 0, 400);
    expect(steps[0]).toEqual({ kind: 'swallow' }); // Ctrl+B must not reach the page
    expect(steps.slice(1).every((s) => s.kind === 'pass')).toBe(true);
    expect(frame.enter(10_000)).toEqual({
      kind: 'scan',
      scan: { text: '241743423084', target: field, before: '' },
      swallow: false,
    });
  });

  it('with a prefix and a suffix, the suffix ends the scan and the Enter right after it is kept from the page', () => {
    const frame = new ScanFrame();
    frame.configure({ prefix: '#!', suffix: '\u0003' });
    const steps = feed(frame, 'x#!SD0000000001\u0003', 0, 200);
    expect(steps.at(-1)).toEqual({
      kind: 'scan',
      scan: { text: 'SD0000000001', target: field, before: '' },
      swallow: true,
    });
    expect(frame.enter(3050)).toEqual({ kind: 'swallow' }); // the scanner's own Enter, right after
    // A later Enter is the operator's.
    feed(frame, '#!A1\u0003', 5000, 5);
    expect(frame.enter(9000)).toEqual({ kind: 'pass' });
  });

  it('with only a suffix, the code is everything typed in the same place since the last reset', () => {
    const frame = new ScanFrame();
    frame.configure({ prefix: '', suffix: '\u001d' });
    feed(frame, 'abc', 0, 100);
    frame.reset(); // e.g. Backspace
    const steps = feed(frame, '353563075655\u001d', 1000, 300);
    expect(steps.at(-1)).toMatchObject({ kind: 'scan', scan: { text: '353563075655' } });
  });

  it('knows the field value before the prefix, to put it back', () => {
    const frame = new ScanFrame();
    frame.configure({ prefix: '$$', suffix: '' });
    frame.key('a', 0, field, '');
    frame.key('$', 1, field, 'a');
    frame.key('$', 2, field, 'a$');
    frame.key('1', 3, field, 'a$$');
    expect(frame.enter(4)).toMatchObject({ kind: 'scan', scan: { text: '1', before: 'a' } });
  });

  it('passes everything when no prefix or suffix is set, and after the focus moved mid-scan', () => {
    const frame = new ScanFrame();
    expect(feed(frame, '\u0002123', 0, 5).every((s) => s.kind === 'pass')).toBe(true);
    expect(frame.enter(30)).toEqual({ kind: 'pass' });
    frame.configure({ prefix: '\u0002', suffix: '\u0003' });
    feed(frame, '\u0002123', 100, 5, page);
    expect(feed(frame, '4\u0003', 200, 5, field).at(-1)).toEqual({ kind: 'pass' });
  });
});

describe('keys and written control characters', () => {
  it('reads Ctrl+letter as the control character a scanner means', () => {
    const key = (k: string, ctrl = false) => scannedChar({ key: k, ctrlKey: ctrl, altKey: false, metaKey: false });
    expect(key('b', true)).toBe('\u0002');
    expect(key('B', true)).toBe('\u0002');
    expect(key(']', true)).toBe('\u001d');
    expect(key('1', true)).toBeNull();
    expect(key('7')).toBe('7');
    expect(key('１')).toBe('１');
    expect(key('Enter')).toBeNull();
    expect(scannedChar({ key: 'b', ctrlKey: false, altKey: true, metaKey: false })).toBeNull();
  });

  it('writes control characters by name and reads them back', () => {
    expect(writeControls('\u0002AB\u001d')).toBe('<STX>AB<GS>');
    expect(readControls('<stx>AB<GS>')).toBe('\u0002AB\u001d');
    expect(readControls(writeControls('<STX>'))).toBe('<STX>');
    expect(writeControls('<STX>')).toBe('<LT>STX>');
    expect(readControls('<ABC>x<')).toBe('<ABC>x<');
  });

  it('allows printable ASCII and the control characters a scanner sends, and says what else is wrong', () => {
    expect(scannerFrameProblem('\u0002')).toBeNull();
    expect(scannerFrameProblem(']C1')).toBeNull();
    expect(scannerFrameProblem('')).toBeNull();
    expect(scannerFrameProblem('a b')).toMatch(/without spaces/);
    expect(scannerFrameProblem('\r')).toMatch(/Enter/);
    expect(scannerFrameProblem('\t')).toMatch(/Tab/);
    expect(scannerFrameProblem('가')).toMatch(/printable/);
    expect(scannerFrameProblem('12345678901')).toMatch(/at most 10/);
  });
});
