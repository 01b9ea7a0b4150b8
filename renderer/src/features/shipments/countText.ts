// A count as the desk shows it: grouped in the language's way, with "+" only when the core capped it
// (a broad search is counted up to 10,000; see cappedTabs in shared/api/shipments.ts).
import type { Language } from '../../i18n';
import { localeOf } from '../../i18n/format';

export function countText(n: number, language: Language, capped: boolean): string {
  return n.toLocaleString(localeOf(language)) + (capped ? '+' : '');
}
