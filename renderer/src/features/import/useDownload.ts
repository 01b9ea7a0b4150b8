// Asks the core for a file (template, pre-filled view, failed rows) and hands it to the browser,
// with a toast saying what arrived or what went wrong.
import { useCallback } from 'react';
import type { FileDownload } from '../../../../shared/api/contract';
import type { Envelope } from '../../../../shared/errors';
import { errorHeadline, useLanguage } from '../../i18n';
import { plural } from '../../i18n/plural';
import { showToast } from '../../stores/toasts';
import { saveDownload } from './files';

export function useDownload(): (
  fetch: () => Promise<Envelope<FileDownload & { rows?: number; truncated?: boolean }>>,
) => Promise<void> {
  return useCallback(async (fetch) => {
    const { t, language } = useLanguage.getState();
    try {
      const answer = await fetch();
      if (!answer.ok) {
        showToast(`${errorHeadline(t, answer.error.code)} ${answer.error.message}`, { tone: 'error' });
        return;
      }
      saveDownload(answer.value);
      const { fileName: file, truncated, rows } = answer.value;
      showToast(
        truncated ? plural(t, language, 'excel.truncated', rows ?? 0, { file }) : t('excel.downloaded', { file }),
      );
    } catch {
      showToast(t('connection.callFailed'), { tone: 'error' });
    }
  }, []);
}
