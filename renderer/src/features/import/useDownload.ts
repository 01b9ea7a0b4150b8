// Asks the core for a file (template, pre-filled view, failed rows) and hands it to the browser,
// with a notice saying what arrived or what went wrong.
import { useCallback } from 'react';
import type { FileDownload } from '../../../../shared/contract';
import type { Envelope } from '../../../../shared/errors';
import { errorHeadline, useLanguage } from '../../i18n';
import { useStoreApis } from '../../stores/StoresContext';
import { saveDownload } from './files';

export function useDownload(): (
  fetch: () => Promise<Envelope<FileDownload & { rows?: number; truncated?: boolean }>>,
) => Promise<void> {
  const { grid } = useStoreApis();
  return useCallback(
    async (fetch) => {
      const t = useLanguage.getState().t;
      try {
        const answer = await fetch();
        if (!answer.ok) {
          grid
            .getState()
            .setNotice({ text: `${errorHeadline(t, answer.error.code)} ${answer.error.message}`, tone: 'error' });
          return;
        }
        saveDownload(answer.value);
        const { fileName: file, truncated, rows } = answer.value;
        grid.getState().setNotice({
          text: truncated ? t('excel.truncated', { file, rows: rows ?? 0 }) : t('excel.downloaded', { file }),
          tone: 'ok',
        });
      } catch (err) {
        grid.getState().setNotice({ text: err instanceof Error ? err.message : String(err), tone: 'error' });
      }
    },
    [grid],
  );
}
