// The Settings form as typed: who works here, each warehouse's carrier, remembering, the scanner's
// prefix/suffix (control characters written <STX>). Checked before saving, with a reason per field,
// and turned into a settings.update patch of what changed.
import { z } from 'zod';
import type { Facet, MethodInput, Settings } from '../../../../shared/api/contract';
import { CARRIER_IDS, type CarrierId } from '../../../../shared/carriers';
import { readControls, SCANNER_FRAME_MAX, SCANNER_FRAME_PATTERN } from '../../../../shared/scannerFrame';
import type { Translate } from '../../i18n';

export interface Draft {
  operatorName: string;
  /** Warehouse code -> carrier, '' for none. */
  defaults: Record<string, CarrierId | ''>;
  rememberLastCarrier: boolean;
  scannerPrefix: string;
  scannerSuffix: string;
}

export type DraftField = 'operatorName' | 'defaultCarriers' | 'rememberLastCarrier' | 'scannerPrefix' | 'scannerSuffix';
export type DraftProblems = Partial<Record<DraftField, string>>;

export function draftFrom(settings: Settings, warehouses: readonly Facet[], written: (s: string) => string): Draft {
  const defaults: Record<string, CarrierId | ''> = {};
  for (const w of warehouses) defaults[w.code] = settings.defaultCarriers[w.code] ?? '';
  return {
    operatorName: settings.operatorName,
    defaults,
    rememberLastCarrier: settings.rememberLastCarrier,
    scannerPrefix: written(settings.scannerPrefix),
    scannerSuffix: written(settings.scannerSuffix),
  };
}

export function asCarrier(value: string): CarrierId | '' {
  return CARRIER_IDS.find((id) => id === value) ?? '';
}

/** What is wrong with a written prefix/suffix, in the operator's language; null when it can be saved. */
function frameProblem(written: string, t: Translate): string | null {
  const value = readControls(written);
  const unknown = /<[A-Za-z][A-Za-z0-9]{1,5}>/.exec(value); // a name in brackets that is no control character
  if (unknown) return t('settings.scanner.unknownName', { name: unknown[0] });
  if (value.length > SCANNER_FRAME_MAX) return t('settings.scanner.tooLong', { max: SCANNER_FRAME_MAX });
  if (!SCANNER_FRAME_PATTERN.test(value)) return t('settings.scanner.badCharacters');
  return null;
}

export function draftProblems(d: Draft, t: Translate): DraftProblems {
  const out: DraftProblems = {};
  if (d.operatorName.trim().length > 80) out.operatorName = t('settings.operator.tooLong');
  const prefix = frameProblem(d.scannerPrefix, t);
  if (prefix) out.scannerPrefix = prefix;
  const suffix = frameProblem(d.scannerSuffix, t);
  if (suffix) out.scannerSuffix = suffix;
  return out;
}

type Patch = MethodInput<'settings.update'>;

/** Only what changed, so saving one field never overwrites another station's change to another. */
export function patchFrom(d: Draft, saved: Settings): Patch {
  const patch: Patch = {};
  if (d.operatorName.trim() !== saved.operatorName) patch.operatorName = d.operatorName.trim();
  const defaults: Record<string, CarrierId | null> = {};
  for (const [warehouse, carrier] of Object.entries(d.defaults)) {
    if ((saved.defaultCarriers[warehouse] ?? '') !== carrier) defaults[warehouse] = carrier === '' ? null : carrier;
  }
  if (Object.keys(defaults).length > 0) patch.defaultCarriers = defaults;
  if (d.rememberLastCarrier !== saved.rememberLastCarrier) patch.rememberLastCarrier = d.rememberLastCarrier;
  const prefix = readControls(d.scannerPrefix);
  if (prefix !== saved.scannerPrefix) patch.scannerPrefix = prefix;
  const suffix = readControls(d.scannerSuffix);
  if (suffix !== saved.scannerSuffix) patch.scannerSuffix = suffix;
  return patch;
}

const FIELDS: readonly DraftField[] = [
  'operatorName',
  'defaultCarriers',
  'rememberLastCarrier',
  'scannerPrefix',
  'scannerSuffix',
];

const Issues = z.object({ issues: z.array(z.object({ path: z.array(z.string()) })).min(1) });
const UnknownWarehouses = z.object({ unknownWarehouses: z.array(z.string()) });

/** The input field an INVALID_INPUT refusal names first (details.issues[].path from the dispatcher). */
export function firstIssueField(details: Record<string, unknown> | undefined): string | null {
  const parsed = Issues.safeParse(details);
  return parsed.success ? (parsed.data.issues[0]?.path[0] ?? null) : null;
}

/** The field a settings.update refusal is about, or null. */
export function fieldOf(details: Record<string, unknown> | undefined): DraftField | null {
  if (UnknownWarehouses.safeParse(details).success) return 'defaultCarriers';
  const head = firstIssueField(details);
  return FIELDS.find((f) => f === head) ?? null;
}
