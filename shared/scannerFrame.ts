// A scanner's prefix and suffix: characters most barcode scanners can be programmed to send before
// and after every code, so a scan is known by them rather than by typing speed.
//
// Allowed: printable ASCII except the space (U+0021 to U+007E), and the control characters a
// keyboard-wedge scanner sends as Ctrl+letter ("Control + ASCII" mode; STX U+0002 is Ctrl+B),
// except those that act on their own: Backspace U+0008, Tab U+0009, line feed U+000A, Enter
// (carriage return) U+000D, which ends a scan anyway, and Escape U+001B, which closes dialogs.
// At most 10 characters each.
//
// Written by people (the Settings screen) control characters are names in angle brackets, as in
// scanner manuals: "<STX>", "<GS>"; "<LT>" is a literal "<". Through the contract (JSON) they are
// the characters themselves: "\u0002".

export const SCANNER_FRAME_MAX = 10;

export const SCANNER_FRAME_PATTERN = /^[\u0001-\u0007\u000B\u000C\u000E-\u001A\u001C-\u001F\u0021-\u007E]*$/;

/** ASCII's names for U+0000 to U+001F. */
const CONTROL_NAMES = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
] as const;

const NAMED = /<([A-Za-z][A-Za-z0-9]{1,2})>/g;

export function isControlChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0x20;
  return ch.length === 1 && cp < 0x20;
}

/** "\u0002AB" -> "<STX>AB": control characters by name, so they can be seen and typed. */
export function writeControls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const cp = text.charCodeAt(i);
    if (cp < 0x20) out += `<${CONTROL_NAMES[cp] ?? 'NUL'}>`;
    else if (cp === 0x7f) out += '<DEL>';
    // A "<" that would read back as a name is written as <LT>.
    else if (ch === '<' && /^<[A-Za-z][A-Za-z0-9]{1,2}>/.test(text.slice(i))) out += '<LT>';
    else out += ch;
  }
  return out;
}

/** "<STX>AB" -> "\u0002AB". Unknown names stay as typed (the pattern check then says what is wrong). */
export function readControls(written: string): string {
  return written.replace(NAMED, (whole, name: string) => {
    const upper = name.toUpperCase();
    if (upper === 'LT') return '<';
    if (upper === 'DEL') return '\u007f';
    const index = CONTROL_NAMES.findIndex((n) => n === upper);
    return index >= 0 ? String.fromCharCode(index) : whole;
  });
}

/** A sentence saying what is wrong with a prefix or suffix, or null when it may be used. */
export function scannerFrameProblem(value: string): string | null {
  if (value.length > SCANNER_FRAME_MAX) return `at most ${SCANNER_FRAME_MAX} characters`;
  if (!SCANNER_FRAME_PATTERN.test(value)) {
    return 'use printable characters without spaces, or control characters written like <STX> (not Backspace, Tab, line feed, Enter or Escape)';
  }
  return null;
}
