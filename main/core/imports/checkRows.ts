// Every row's verdict against the database, with the invoice dialog's own rules (format, check
// digit, region, status, duplicates): the preview shows it and the commit re-runs it.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import { IMPORT_ROW_CODES, WRITTEN_MAX, type ImportRowCode } from '../../../shared/api/contract';
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import { ShipdeskError } from '../../../shared/errors';
import type { InvoiceWarning } from '../../../shared/numberIssues';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { dayOf } from '../domain/time';
import {
  lockReason,
  mayModifyNumber,
  mayRegisterNumber,
  mayReplaceNumber,
  type InvoiceFacts,
} from '../domain/invoiceRules';
import { unknownCarrier, type NumberVerdict } from '../domain/numberCheck';
import type { Refusal } from '../domain/verdict';
import type { ServiceContext } from '../services/context';
import { checkDuplicate, checkNumber } from '../services/invoices';
import { readSettings } from '../services/settings';
import { findShipment, type ShipmentRef } from '../services/shipments';
import { carrierFromText } from '../sheets/carrierNames';
import { cellAsWritten, fieldValue } from '../sheets/fieldValues';
import { findFileDuplicates } from './fileDuplicates';
import { settle, type CheckedRow, type Problem } from './rowVerdict';
import { IMPORT_FIELDS, type ImportField, type ParsedRow } from '../sheets/types';

/**
 * Number checks are pure (carrier, region, text), so a commit reuses its preview's: the commit then
 * spends its transaction on the database alone.
 */
export type NumberChecks = Map<string, NumberVerdict>;

function checkNumberOnce(checks: NumberChecks, ref: ShipmentRef, carrierId: CarrierId, text: string): NumberVerdict {
  const key = `${ref.region}|${carrierId}|${text}`;
  let result = checks.get(key);
  if (!result) {
    result = checkNumber(ref, { carrierId, invoiceNo: text });
    checks.set(key, result);
  }
  return result;
}

function parseAction(text: string): 'register' | 'modify' | null {
  const key = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, '');
  if (key === '') return 'register';
  if (/modify|change|update|수정|변경/.test(key)) return 'modify';
  if (/register|new|등록|신규/.test(key)) return 'register';
  return null;
}

const carrierName = (id: string) => findCarrier(id)?.nameEn ?? id;

interface PreviousImport {
  batch_id: number;
  committed_at: number;
  operator: string;
}

const appliedRow = rowReader(
  'row applied by an earlier commit',
  z.object({ row_no: z.number(), batch_id: z.number(), committed_at: z.number(), operator: z.string() }),
);

/** Rows of this very file already applied by an earlier commit, by row number: one query per file. */
function previousImports(ctx: ServiceContext, fileHash: string): Map<number, PreviousImport> {
  const rows = appliedRow.all(
    ctx
      .prepare(
        `SELECT r.row_no, r.batch_id, b.committed_at, b.operator FROM import_rows r JOIN import_batches b ON b.id = r.batch_id
       WHERE r.file_hash = ? AND r.outcome IN ('registered','modified')`,
      )
      .all(fileHash),
  );
  return new Map(rows.map((r) => [r.row_no, r]));
}

const orderNumber = rowReader('order number of a shipment', z.object({ order_no: z.string() }));

function orderNoOf(ctx: ServiceContext, shipmentId: number): string {
  const r = orderNumber.single(
    ctx.prepare('SELECT o.order_no FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = ?').get(shipmentId),
  );
  return r.order_no;
}

const sameOrderNo = (a: string, b: string) => {
  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return squash(a) === squash(b);
};

/**
 * A row the invoice dialog's rules refuse (main/core/domain/invoiceRules.ts decides, and in which
 * order); where the sheet itself has the way out (its Action column, its number cell), the reason says so.
 */
function rowProblem(
  refusal: Refusal,
  facts: InvoiceFacts,
  action: 'register' | 'modify',
  numberCellWasNumber: boolean,
): Problem {
  // The refusal's own code; only a code a sheet row cannot have (none today) reads as a bad number.
  const code: ImportRowCode = isRowCode(refusal.code) ? refusal.code : 'INVALID_INVOICE_NUMBER';
  if (!refusal.lock) {
    const zeros =
      numberCellWasNumber && code === 'INVALID_INVOICE_NUMBER'
        ? ' Excel stored it as a number, which drops leading zeros: format the column as Text and type it again.'
        : '';
    return { code, message: refusal.message + zeros };
  }
  if (action === 'register' && facts.hasInvoice) {
    const why = lockReason(facts);
    const wayOut = why
      ? `, which cannot be modified now. ${why}`
      : '. To replace it, set the Action column to "수정 Modify".';
    return { code, message: `${facts.shipmentNo} already has ${facts.number}${wayOut}` };
  }
  if (action === 'modify' && !facts.hasInvoice)
    return { code, message: `${refusal.message} Set the Action column to "등록 Register" or leave it blank.` };
  return { code, message: refusal.message };
}

const isRowCode = (code: string): code is ImportRowCode => (IMPORT_ROW_CODES as readonly string[]).includes(code);

const currentInvoice = rowReader('current invoice', z.object({ carrier_id: z.string(), invoice_no: z.string() }));

function checkRow(
  ctx: ServiceContext,
  r: ParsedRow,
  done: PreviousImport | undefined,
  checks: NumberChecks,
): CheckedRow {
  const out: CheckedRow = {
    row: r.row,
    shipmentNo: '',
    written: {
      carrier: cellAsWritten(r.cells.carrier).slice(0, WRITTEN_MAX),
      invoiceNo: cellAsWritten(r.cells.invoiceNo).slice(0, WRITTEN_MAX),
    },
    action: 'register',
    outcome: 'reject',
    verdict: 'error',
  };
  const fail = (p: Problem): CheckedRow => settle(out, 'reject', p);
  const skip = (p: Problem): CheckedRow => settle(out, 'skip', p);

  // Every cell read by type first, in column order: the first unreadable one is the row's reason.
  const values = new Map<ImportField, string>();
  let numberCellWasNumber = false;
  for (const field of IMPORT_FIELDS) {
    const v = fieldValue(field, r.cells[field]);
    if (field === 'shipmentNo' && v.ok) out.shipmentNo = normalizeShipmentNo(v.text) || v.text;
    if (!v.ok) return fail(v);
    values.set(field, v.text);
    if (field === 'invoiceNo') numberCellWasNumber = v.fromNumber;
  }
  const value = (field: ImportField) => values.get(field) ?? '';
  const [carrierText, numberText, orderText, actionText, reasonText] = [
    value('carrier'),
    value('invoiceNo'),
    value('orderNo'),
    value('action'),
    value('reason'),
  ];

  if (done) {
    const on = dayOf(done.committed_at, readSettings(ctx).homeTimeZone);
    return skip({
      code: 'ALREADY_IMPORTED',
      message: `This row was already saved from this same file on ${on} by ${done.operator} (batch ${done.batch_id}); skipped.`,
    });
  }
  if (out.shipmentNo === '') return fail({ code: 'MISSING_VALUE', message: 'The shipment number is empty.' });
  if (carrierText === '' && numberText === '')
    return skip({ code: 'NOT_FILLED', message: 'No carrier and no invoice number: nothing to register, row skipped.' });
  const wanted = parseAction(actionText);
  if (!wanted)
    return fail({
      code: 'UNKNOWN_ACTION',
      message: `The action "${actionText}" is not known. Leave it blank or choose "등록 Register" or "수정 Modify".`,
    });
  out.action = wanted;
  if (carrierText === '')
    return fail({ code: 'MISSING_VALUE', message: 'The carrier is empty. Choose one from the list.' });
  const carrierId: CarrierId | undefined = carrierFromText(carrierText);
  if (!carrierId) {
    const unknown = unknownCarrier(carrierText);
    return fail({
      code: unknown.code,
      message: `${unknown.message} Choose one from the list (sheet Carriers of the template).`,
    });
  }
  out.carrierId = carrierId;
  if (numberText === '') return fail({ code: 'MISSING_VALUE', message: 'The invoice number is empty.' });

  let ref: ShipmentRef;
  try {
    ref = findShipment(ctx, out.shipmentNo);
  } catch (err) {
    if (err instanceof ShipdeskError) return fail({ code: 'NOT_FOUND', message: err.message });
    throw err;
  }
  out.shipmentNo = ref.shipmentNo;
  out.ref = ref;
  if (reasonText) out.reason = reasonText.slice(0, 500);
  if (orderText && !sameOrderNo(orderText, orderNoOf(ctx, ref.id))) {
    return fail({
      code: 'ORDER_MISMATCH',
      message: `${ref.shipmentNo} belongs to order ${orderNoOf(ctx, ref.id)}, not ${orderText}. Check the row.`,
    });
  }

  const number = checkNumberOnce(checks, ref, carrierId, numberText);
  const row =
    ref.invoiceId === null
      ? undefined
      : currentInvoice.one(ctx.prepare('SELECT carrier_id, invoice_no FROM invoices WHERE id = ?').get(ref.invoiceId));
  const current = row ? { carrierId: row.carrier_id, invoiceNo: row.invoice_no } : null;
  // A sheet is often imported again: a row whose number is already on its shipment is skipped, whatever the status.
  if (number.ok) {
    const unchanged = mayReplaceNumber({ shipmentNo: ref.shipmentNo, current }, number);
    if (!unchanged.ok) return skip({ code: 'ALREADY_REGISTERED', message: unchanged.message });
  }
  const facts: InvoiceFacts = {
    shipmentNo: ref.shipmentNo,
    status: ref.status,
    hasInvoice: current !== null,
    ...(current && { number: `${carrierName(current.carrierId)} ${current.invoiceNo}` }),
  };
  const checked = wanted === 'register' ? mayRegisterNumber(facts, number) : mayModifyNumber(facts, number, current);
  if (!checked.ok) return fail(rowProblem(checked, facts, wanted, numberCellWasNumber));
  out.invoiceNo = checked.invoiceNo;

  let combined: InvoiceWarning[];
  try {
    combined = checkDuplicate(ctx, ref, carrierId, checked.invoiceNo);
  } catch (err) {
    if (err instanceof ShipdeskError) return fail({ code: 'DUPLICATE_INVOICE', message: err.message });
    throw err;
  }
  const notes = [...checked.warnings, ...combined];
  out.outcome = wanted;
  out.verdict = 'ok';
  if (notes.length)
    settle(out, wanted, {
      code: checked.warnings.length ? 'NUMBER_WARNING' : 'COMBINED_PACKING',
      message: notes.map((n) => n.message).join(' '),
    });
  return out;
}

export function checkRows(
  ctx: ServiceContext,
  rows: readonly ParsedRow[],
  fileHash: string,
  checks: NumberChecks = new Map(),
  onProgress?: (done: number) => void,
): CheckedRow[] {
  const checked: CheckedRow[] = [];
  const applied = previousImports(ctx, fileHash);
  for (const r of rows) {
    checked.push(checkRow(ctx, r, applied.get(r.row), checks));
    if (onProgress && checked.length % 200 === 0) onProgress(checked.length);
  }
  findFileDuplicates(checked);
  return checked;
}
