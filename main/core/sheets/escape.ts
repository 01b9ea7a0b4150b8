// Cells that would start a formula when a spreadsheet app reads them are written with a leading
// apostrophe, and the importer strips that apostrophe again, so a failed-rows file round-trips
// (docs/ARCHITECTURE.md "Excel import and export"). Triggers: = + - @, tab, CR, LF (a cell whose
// first line is blank still evaluates what follows), and the full-width ＝ ＋ － ＠ that spreadsheet
// apps in East Asian locales read as their ASCII twins.
const TRIGGER = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function escapeCell(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}
