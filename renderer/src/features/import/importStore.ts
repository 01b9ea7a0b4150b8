// The Excel import's steps: choose a file, read and check it (with progress pushes), preview every
// row's verdict, commit, then offer the failed rows. Kept outside the dialog so a file dropped on
// the screen can start it, and progress pushes find it.
import { create } from 'zustand';
import type { ImportCommitResult, ImportPreview, PushEvent } from '../../../../shared/api/contract';
import type { RpcError } from '../../../../shared/errors';
import type { ShipdeskClient } from '../../api/client';
import { MAX_UPLOAD_BYTES, readAsBase64 } from './files';

export type ImportStep =
  | { step: 'choose' }
  | {
      step: 'reading';
      fileName: string;
      phase: 'reading' | 'checking' | 'saving' | 'done';
      done: number;
      total: number;
    }
  | { step: 'refused'; fileName: string; error: RpcError | { code: 'TOO_LARGE' | 'TRANSPORT'; message: string } }
  /** commitError 'transport': the call got no answer (the connection dropped); whether it saved is unknown. */
  | { step: 'preview'; preview: ImportPreview; committing: boolean; commitError: RpcError | 'transport' | null }
  | { step: 'committed'; preview: ImportPreview; result: ImportCommitResult };

interface ImportState {
  state: ImportStep;
  uploadRef: string | null;
  start(client: ShipdeskClient, file: File): Promise<void>;
  commit(client: ShipdeskClient): Promise<void>;
  onPush(event: PushEvent): void;
  reset(): void;
}

let uploads = 0;

export const useImport = create<ImportState>((set, get) => ({
  state: { step: 'choose' },
  uploadRef: null,
  async start(client, file) {
    const uploadRef = `upload-${Date.now()}-${++uploads}`;
    const fileName = file.name || 'upload';
    if (file.size > MAX_UPLOAD_BYTES) {
      set({ uploadRef: null, state: { step: 'refused', fileName, error: { code: 'TOO_LARGE', message: '' } } });
      return;
    }
    set({ uploadRef, state: { step: 'reading', fileName, phase: 'reading', done: 0, total: 0 } });
    try {
      const bytesBase64 = await readAsBase64(file);
      const answer = await client.call('imports.preview', { fileName, bytesBase64, uploadRef });
      if (get().uploadRef !== uploadRef) return; // another file was chosen meanwhile
      set({
        state: answer.ok
          ? { step: 'preview', preview: answer.value, committing: false, commitError: null }
          : { step: 'refused', fileName, error: answer.error },
      });
    } catch {
      // The screen says it in the operator's words (the transport's own text is for the log).
      if (get().uploadRef === uploadRef)
        set({ state: { step: 'refused', fileName, error: { code: 'TRANSPORT', message: '' } } });
    }
  },
  async commit(client) {
    const s = get().state;
    if (s.step !== 'preview' || s.committing) return;
    set({ state: { ...s, committing: true, commitError: null } });
    try {
      const answer = await client.call('imports.commit', { importId: s.preview.importId });
      set({
        state: answer.ok
          ? { step: 'committed', preview: s.preview, result: answer.value }
          : { ...s, committing: false, commitError: answer.error },
      });
    } catch {
      set({ state: { ...s, committing: false, commitError: 'transport' } });
    }
  },
  onPush(event) {
    const s = get().state;
    if (event.type !== 'imports.progress' || s.step !== 'reading' || event.uploadRef !== get().uploadRef) return;
    set({ state: { ...s, phase: event.phase, done: event.done, total: event.total } });
  },
  reset: () => set({ state: { step: 'choose' }, uploadRef: null }),
}));
