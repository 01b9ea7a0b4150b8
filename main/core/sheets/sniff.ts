// What the first bytes say a file is, before anything tries to parse it. Excel files are named by
// whoever saved them, so the name proves nothing: the bytes decide.
import { refuse, type FileRefusal } from './types';

export type Sniffed = { kind: 'zip' } | { kind: 'text' } | { kind: 'refused'; refusal: FileRefusal };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Other things people drop on an upload box by mistake, named so the message can say what it was.
const KNOWN_NOT_SPREADSHEETS: { magic: number[]; what: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** An OLE directory stores stream names in UTF-16LE; look for one. */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

export const LOCKED_OR_XLS_MESSAGE =
  'This workbook is password-protected or in the old .xls format. Open it in Excel, remove the password or save it as .xlsx, and upload it again.';

/** An OLE file holding an encrypted .xlsx (rather than a legacy .xls). */
export function isEncryptedWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE) && (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo'));
}

function oleRefusal(bytes: Uint8Array): FileRefusal {
  // Encrypted .xlsx (ECMA-376) is an OLE file holding EncryptionInfo + EncryptedPackage streams;
  // a legacy .xls holds a Workbook (or Book) stream. Both get the same advice, the likelier first.
  if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
    return refuse(
      'FILE_ENCRYPTED',
      'This workbook is password-protected (or in the old .xls format), so Shipdesk cannot read it. Open it in Excel, remove the password or save it as .xlsx, and upload it again.',
      { likely: 'password' },
    ).refusal;
  }
  if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) {
    return refuse(
      'FILE_ENCRYPTED',
      'This workbook is in the old .xls format (or password-protected), so Shipdesk cannot read it. Open it in Excel, save it as .xlsx or remove the password, and upload it again.',
      { likely: 'xls' },
    ).refusal;
  }
  return refuse('FILE_ENCRYPTED', LOCKED_OR_XLS_MESSAGE, { likely: 'password-or-xls' }).refusal;
}

const NOT_SPREADSHEET_HINT = 'Upload an Excel workbook (.xlsx) or a CSV file, for example the Shipdesk template.';

export function notSpreadsheet(what?: string): FileRefusal {
  const lead = what ? `This file is ${what}, not a spreadsheet.` : 'This file is not a spreadsheet Shipdesk can read.';
  return refuse('FILE_NOT_SPREADSHEET', `${lead} ${NOT_SPREADSHEET_HINT}`).refusal;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0)
    return {
      kind: 'refused',
      refusal: refuse('FILE_NOT_SPREADSHEET', `The file is empty. ${NOT_SPREADSHEET_HINT}`).refusal,
    };
  if (startsWith(bytes, OLE)) return { kind: 'refused', refusal: oleRefusal(bytes) };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  // An empty zip (only an end record) is a zip with nothing in it.
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'refused', refusal: notSpreadsheet('an empty zip archive') };
  for (const k of KNOWN_NOT_SPREADSHEETS) {
    if (startsWith(bytes, k.magic)) return { kind: 'refused', refusal: notSpreadsheet(k.what) };
  }
  // Anything else may be CSV; the text decoder decides (binary junk fails there).
  return { kind: 'text' };
}
