// Cells that would start a formula when a spreadsheet app reads them are written with a leading
// apostrophe, and the importer strips that apostrophe again, so a failed-rows file round-trips.
// DESIGN.md §4: "Exports escape cells that would start a formula." The triggers: = + - @, a tab,
// CR or LF (some apps trim a leading line break and read what follows), and the full-width
// ＝ ＋ － ＠ that Excel's input normalisation turns into their ASCII twins.
const TRIGGER = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function escapeCell(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}
