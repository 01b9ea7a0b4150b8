// Order-sheet previews waiting for their commit, kept like the invoice import's (bounded, in memory).
import type { ColumnMapping, OrderDefaults, OrderLineVerdict } from '../../../shared/api/contract';
import type { ParsedGrid } from '../sheets/types';
import type { ColumnPlan } from './plan';
import type { DraftLine } from './readLines';

export interface StoredOrderImport {
  importId: string;
  createdAt: number;
  fileName: string;
  fileHash: string;
  uploadRef: string | null;
  grid: ParsedGrid;
  plan: ColumnPlan;
  drafts: DraftLine[];
  defaults: OrderDefaults;
  /** The time used as the order date of layouts without one. */
  importTime: number;
  /** The preview's (then the commit's) verdicts, as far as a later commit compares them. */
  lines: Pick<OrderLineVerdict, 'row' | 'outcome' | 'code'>[];
  /** Save the mapping as a profile under this name on commit. */
  saveAs: { name: string; mapping: ColumnMapping } | null;
  /** The date zone the operator chose for a built-in profile, remembered for it on commit. */
  rememberZone: { profile: string; zone: string } | null;
}
