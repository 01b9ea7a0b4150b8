// The order import's steps: choose a sheet, read it (asking for its password if it has one, or for a
// column mapping if no profile knows it), preview every line's verdict, commit. Kept outside the
// dialog so a sheet dropped on the screen can start it.
import { create } from 'zustand';
import type { ChannelId } from '../../../../shared/channels';
import type { ColumnMapping, OrdersCommitResult, OrdersPreview } from '../../../../shared/api/contract';
import { ORDER_FIELDS, type OrderField } from '../../../../shared/orders';
import type { RpcError } from '../../../../shared/errors';
import type { ShipdeskClient } from '../../api/client';
import { MAX_UPLOAD_BYTES, readAsBase64 } from '../import/files';

/** PROFILE_UNKNOWN's details as the mapping step needs them. */
export interface MappingColumn {
  column: number;
  header: string;
  suggestion: OrderField | null;
  samples: string[];
}

export type OrdersStep =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'password'; fileName: string; wrong: boolean }
  | { step: 'mapping'; fileName: string; columns: MappingColumn[]; error: RpcError | null }
  | { step: 'refused'; fileName: string; error: RpcError | { code: 'TOO_LARGE' | 'TRANSPORT'; message: string } }
  | { step: 'preview'; preview: OrdersPreview; committing: boolean; commitError: RpcError | null }
  | { step: 'committed'; preview: OrdersPreview; result: OrdersCommitResult };

/** What the next preview of the same file sends besides the bytes. */
interface Ask {
  password?: string;
  mapping?: ColumnMapping;
  channel?: ChannelId;
  saveAs?: string;
  dateZone?: string;
}

interface OrdersState {
  state: OrdersStep;
  start(client: ShipdeskClient, file: File): Promise<void>;
  withPassword(client: ShipdeskClient, password: string): Promise<void>;
  withMapping(client: ShipdeskClient, mapping: ColumnMapping, channel: ChannelId, saveAs: string): Promise<void>;
  /** Read the sheet again with its dates in this zone (eBay's seller time); kept for the profile on commit. */
  withDateZone(client: ShipdeskClient, zone: string): Promise<void>;
  commit(client: ShipdeskClient): Promise<void>;
  reset(): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isField = (v: unknown): v is OrderField =>
  typeof v === 'string' && (ORDER_FIELDS as readonly string[]).includes(v);

/** The headers of PROFILE_UNKNOWN's details, checked field by field (the screen trusts no shape). */
export function mappingColumns(details: unknown): MappingColumn[] | null {
  const headers = isRecord(details) ? details['headers'] : undefined;
  if (!Array.isArray(headers)) return null;
  const columns: MappingColumn[] = [];
  for (const h of headers) {
    if (!isRecord(h) || typeof h['column'] !== 'number' || typeof h['header'] !== 'string') return null;
    const samples = Array.isArray(h['samples']) ? h['samples'].filter((s): s is string => typeof s === 'string') : [];
    columns.push({
      column: h['column'],
      header: h['header'],
      suggestion: isField(h['suggestion']) ? h['suggestion'] : null,
      samples,
    });
  }
  return columns;
}

// The file being read stays here between steps (password, mapping), never in the state the screen shows.
let file: { name: string; bytesBase64: string } | null = null;
let ask: Ask = {};
let lastColumns: MappingColumn[] | null = null;
let reads = 0;

export const useOrders = create<OrdersState>((set, get) => {
  const read = async (client: ShipdeskClient) => {
    if (!file) return;
    const current = ++reads;
    const { name, bytesBase64 } = file;
    set({ state: { step: 'reading', fileName: name } });
    try {
      const answer = await client.call('orders.preview', { fileName: name, bytesBase64, ...ask });
      if (current !== reads) return; // another file or attempt started meanwhile
      if (answer.ok)
        return set({ state: { step: 'preview', preview: answer.value, committing: false, commitError: null } });
      const { error } = answer;
      if (error.code === 'FILE_ENCRYPTED' && isRecord(error.details) && error.details['needsPassword'] === true)
        return set({ state: { step: 'password', fileName: name, wrong: false } });
      if (error.code === 'FILE_PASSWORD_WRONG')
        return set({ state: { step: 'password', fileName: name, wrong: true } });
      const columns = error.code === 'PROFILE_UNKNOWN' && !ask.mapping ? mappingColumns(error.details) : null;
      if (columns) {
        lastColumns = columns;
        return set({ state: { step: 'mapping', fileName: name, columns, error: null } });
      }
      // A mapping that leaves out a required field: back to the mapping, saying what is missing.
      if (ask.mapping && error.code === 'HEADER_MISMATCH' && lastColumns)
        return set({ state: { step: 'mapping', fileName: name, columns: lastColumns, error } });
      set({ state: { step: 'refused', fileName: name, error } });
    } catch (err) {
      if (current === reads)
        set({
          state: {
            step: 'refused',
            fileName: name,
            error: { code: 'TRANSPORT', message: err instanceof Error ? err.message : String(err) },
          },
        });
    }
  };

  return {
    state: { step: 'choose' },
    async start(client, chosen) {
      const name = chosen.name || 'orders';
      ask = {};
      lastColumns = null;
      if (chosen.size > MAX_UPLOAD_BYTES) {
        file = null;
        set({ state: { step: 'refused', fileName: name, error: { code: 'TOO_LARGE', message: '' } } });
        return;
      }
      set({ state: { step: 'reading', fileName: name } });
      file = { name, bytesBase64: await readAsBase64(chosen) };
      await read(client);
    },
    async withPassword(client, password) {
      ask = { ...ask, password };
      await read(client);
    },
    async withMapping(client, mapping, channel, saveAs) {
      ask = { ...ask, mapping, channel, ...(saveAs.trim() ? { saveAs: saveAs.trim() } : {}) };
      await read(client);
    },
    async withDateZone(client, zone) {
      ask = { ...ask, dateZone: zone };
      await read(client);
    },
    async commit(client) {
      const s = get().state;
      if (s.step !== 'preview' || s.committing) return;
      set({ state: { ...s, committing: true, commitError: null } });
      try {
        const answer = await client.call('orders.commit', { importId: s.preview.importId });
        set({
          state: answer.ok
            ? { step: 'committed', preview: s.preview, result: answer.value }
            : { ...s, committing: false, commitError: answer.error },
        });
      } catch (err) {
        set({
          state: {
            ...s,
            committing: false,
            commitError: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
          },
        });
      }
    },
    reset() {
      file = null;
      ask = {};
      lastColumns = null;
      reads++;
      set({ state: { step: 'choose' } });
    },
  };
});
