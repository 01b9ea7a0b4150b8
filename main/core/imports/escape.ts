// Cells that would start a formula when a spreadsheet app reads them (= + - @ tab CR) are written
// with a leading apostrophe, and the importer strips that apostrophe again, so a failed-rows file
// round-trips (docs/ARCHITECTURE.md "Excel import and export").
const TRIGGER = /^[=+\-@\t\r]/;

export function escapeCell(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}
