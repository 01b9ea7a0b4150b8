// The one rule for invisible characters in text a person wrote, whichever way it arrives: an order
// sheet (xlsx or CSV), an invoice sheet, or a text field of the API. docs/ORDERS.md, "Text as the
// customer wrote it".
// - Format characters (bidi overrides and isolates such as U+202E, zero-width spaces, BOM) are
//   stripped: they arrive by copy and paste, change nothing a person meant, and let text display as
//   something else ("‮xslx.exe" shows as "exe.xlsx"). ZWJ and ZWNJ stay: scripts and emoji need them.
// - Control characters (NUL and the rest of C0/C1, except tab and line breaks) and lone surrogates
//   are refused: no keyboard types them, they come from a script or a broken file, and neither a
//   station's nor the hub's database can keep them as text.
const FORMAT_CHARS = /(?![\u200c\u200d])\p{Cf}/gu;
const CONTROL_CHAR = /(?![\t\n\r])\p{Cc}/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextProblem = 'control' | 'surrogate';

export type CleanText = { ok: true; text: string } | { ok: false; problem: TextProblem };

/** Half of a UTF-16 pair: not a character, and neither SQLite's JSON nor PostgreSQL's jsonb keeps it. */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** Why the text cannot be kept, or null. */
export function textProblem(s: string): TextProblem | null {
  if (CONTROL_CHAR.test(s)) return 'control';
  if (hasLoneSurrogate(s)) return 'surrogate';
  return null;
}

export function stripFormatChars(s: string): string {
  return s.replace(FORMAT_CHARS, '');
}

/** Format characters stripped; a control character or a lone surrogate refuses the text. */
export function cleanText(s: string): CleanText {
  const problem = textProblem(s);
  return problem ? { ok: false, problem } : { ok: true, text: stripFormatChars(s) };
}

/** What the operator is told, for a field or column named `what`. */
export function textProblemMessage(what: string, problem: TextProblem): string {
  return problem === 'control'
    ? `The ${what} holds a control character (such as NUL) that no keyboard types: the file is damaged or was made by a script. Retype the cell and upload again.`
    : `The ${what} holds a broken character (half of an emoji or symbol). Retype the cell and upload again.`;
}

export const TEXT_PROBLEM_WORDS: Record<TextProblem, string> = {
  control: 'control characters (such as NUL) are not allowed',
  surrogate: 'broken characters (a lone surrogate) are not allowed',
};
