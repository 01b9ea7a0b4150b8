// A file's size the way an operator reads it: KB below a megabyte, MB with one decimal above.
import type { Translate } from '../../i18n';

export function formatBytes(t: Translate, bytes: number): string {
  if (bytes < 1024 * 1024) return t('bytes.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
  return t('bytes.mb', { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}
