// Keys at a chosen pace, whatever the machine's load: a keyboard-wedge scanner (a few ms per key)
// or a person (over 100 ms per key). The screen tells them apart by the gaps between the keys'
// own timestamps (KeyboardEvent.timeStamp). The browser's clock is Playwright's (openDesk fixes it),
// and Playwright's clock stamps each event with its own performance.now(), so the clock is paused
// while the keys go in and moved forward by exactly the gap between two keys: the page sees the
// pace the test asked for even when the keys themselves take a busy machine 200 ms each to deliver.
// The keys are real, trusted key events (Chrome DevTools Protocol), into whatever has focus.
import type { CDPSession, Page } from '@playwright/test';

/** The scanner's pace: 5 ms per key. */
export const SCANNER_GAP_MS = 5;
/** A quick typist's pace: 120 ms per key. */
export const HAND_GAP_MS = 120;
/** Enter, in a list of keys. */
export const ENTER = '\r';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

interface KeyEvent {
  key: string;
  code: string;
  text?: string;
  windowsVirtualKeyCode: number;
  modifiers: number;
}

const CTRL = 2;

/**
 * What a keyboard wedge sends for one character. A control character (U+0001 to U+001F) goes as
 * Ctrl + its letter, the scanners' "Control + ASCII" setting: STX (U+0002) is Ctrl+B.
 */
function keyFor(ch: string): KeyEvent {
  if (ch === ENTER) return { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13, modifiers: 0 };
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 1 && cp <= 0x1f) {
    const letter = String.fromCharCode(cp + 64); // U+0002 -> 'B'; U+001D (GS) -> ']'
    const isLetter = /[A-Z]/.test(letter);
    return {
      key: isLetter ? letter.toLowerCase() : letter,
      code: isLetter ? `Key${letter}` : '',
      windowsVirtualKeyCode: isLetter ? letter.charCodeAt(0) : 0,
      modifiers: CTRL,
    };
  }
  if (/[0-9]/.test(ch)) return { key: ch, code: `Digit${ch}`, text: ch, windowsVirtualKeyCode: cp, modifiers: 0 };
  if (/[a-zA-Z]/.test(ch)) {
    const upper = ch.toUpperCase();
    return { key: ch, code: `Key${upper}`, text: ch, windowsVirtualKeyCode: upper.charCodeAt(0), modifiers: 0 };
  }
  if (ch === '-') return { key: ch, code: 'Minus', text: ch, windowsVirtualKeyCode: 189, modifiers: 0 };
  // Anything else (full-width digits from an IME, symbols): the character as the key and the text.
  return { key: ch, code: '', text: ch, windowsVirtualKeyCode: 0, modifiers: 0 };
}

async function press(cdp: CDPSession, ch: string): Promise<void> {
  const k = keyFor(ch);
  await cdp.send('Input.dispatchKeyEvent', {
    type: k.text === undefined ? 'rawKeyDown' : 'keyDown',
    key: k.key,
    code: k.code,
    windowsVirtualKeyCode: k.windowsVirtualKeyCode,
    modifiers: k.modifiers,
    ...(k.text === undefined ? {} : { text: k.text, unmodifiedText: k.text }),
  });
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'keyUp',
    key: k.key,
    code: k.code,
    windowsVirtualKeyCode: k.windowsVirtualKeyCode,
    modifiers: k.modifiers,
  });
}

/** Presses `keys` (characters, ENTER) one after another, `gapMs` apart on the page's clock. */
export async function typeAtPace(page: Page, keys: readonly string[], gapMs: number): Promise<void> {
  const cdp = await session(page);
  const now = await page.evaluate(() => Date.now()); // the desk's fixed "now"
  await page.clock.pauseAt(now);
  try {
    for (const [i, ch] of keys.entries()) {
      if (i > 0) await page.clock.runFor(gapMs);
      await press(cdp, ch);
    }
  } finally {
    await page.clock.setFixedTime(now);
    await page.clock.resume();
  }
}

export interface ScanOptions {
  /** Characters the scanner is programmed to send before the code (control characters as Ctrl+letter). */
  prefix?: string;
  /** ...and after it. */
  suffix?: string;
  /** The Enter most scanners send last. Default true. */
  enter?: boolean;
}

/** A keyboard-wedge scanner reading `code`: every key 5 ms apart, then Enter. */
export async function scan(page: Page, code: string, options: ScanOptions = {}): Promise<void> {
  const keys = [...(options.prefix ?? ''), ...code, ...(options.suffix ?? '')];
  if (options.enter ?? true) keys.push(ENTER);
  await typeAtPace(page, keys, SCANNER_GAP_MS);
}

/** A person typing `text` at 120 ms per key, then Enter. */
export async function typeByHand(page: Page, text: string): Promise<void> {
  await typeAtPace(page, [...text, ENTER], HAND_GAP_MS);
}
