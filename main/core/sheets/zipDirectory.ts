// Reads a zip's central directory by hand, trusting nothing: every offset is bounds-checked, and
// limits on entry count apply before a single byte is inflated.
import { IMPORT_LIMITS, formatCount } from './limits';
import { refuse, type FileRefusal } from './types';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared; the inflater counts the real size. */
  declaredSize: number;
  /** Where the entry's compressed bytes start and end in the file. */
  dataStart: number;
  dataEnd: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export const DAMAGED_MESSAGE =
  'This workbook is damaged or incomplete (perhaps the download or copy was cut short). Open it in Excel, save it again as .xlsx, and upload it again.';

function damaged(detail: string): { ok: false; refusal: FileRefusal } {
  return refuse('FILE_DAMAGED', DAMAGED_MESSAGE, { detail });
}

function findEndRecord(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + 22 + view.getUint16(at + 20, true) <= view.byteLength)
      return at;
  }
  return -1;
}

export function readZipDirectory(
  bytes: Uint8Array,
): { ok: true; entries: ZipEntry[] } | { ok: false; refusal: FileRefusal } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 22) return damaged('too short for a zip');
  const end = findEndRecord(view);
  if (end < 0) return damaged('no end-of-directory record');
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || cdDisk !== 0) return damaged('split across several disks');
  const zip64 = end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE;
  if (zip64 || count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // A 10 MB workbook never needs ZIP64; Excel writes plain zips.
    return refuse(
      'FILE_DAMAGED',
      `${DAMAGED_MESSAGE} (It uses the ZIP64 format, which Excel does not write for files this size.)`,
      { detail: 'zip64' },
    );
  }
  if (count > IMPORT_LIMITS.maxZipEntries) {
    return refuse(
      'FILE_UNSAFE',
      `This workbook holds ${formatCount(count)} files inside; a real workbook has a few dozen. Shipdesk did not open it. Save it again from Excel, or copy your rows into the Shipdesk template.`,
      {
        entries: count,
        limit: IMPORT_LIMITS.maxZipEntries,
      },
    );
  }
  if (cdOffset + cdSize > end) return damaged('central directory outside the file');

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return damaged(`directory entry ${i} is broken`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > end) return damaged(`directory entry ${i} runs past the directory`);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8');
    at = nameEnd + extraLength + commentLength;

    if (localOffset + 30 > view.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      return damaged(`the data of ${name} is missing`);
    }
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > view.byteLength) return damaged(`the data of ${name} is cut short`);
    entries.push({ name, method, flags, compressedSize, declaredSize, dataStart, dataEnd });
  }
  return { ok: true, entries };
}
