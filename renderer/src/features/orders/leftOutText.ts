// The words for lines left out of a channel's upload file: how many, then each reason with its count
// (docs/ORDERS.md, "Tracking numbers out"). The core sends codes and counts; the screen words them.
import type { InvoiceExportResult } from '../../../../shared/api/contract';
import { findChannel } from '../../../../shared/channels';
import type { InvoiceLayout } from '../../../../shared/orders';
import type { Language, Translate } from '../../i18n';
import { plural } from '../../i18n/plural';

export function leftOutLines(
  t: Translate,
  language: Language,
  layout: InvoiceLayout,
  leftOut: InvoiceExportResult['leftOut'],
): string[] {
  const known = findChannel(layout);
  const channel = known ? (language === 'ko' ? known.nameKo : known.nameEn) : layout;
  const total = leftOut.reduce((n, r) => n + r.count, 0);
  return [
    plural(t, language, 'exports.invoices.leftOut', total, { channel }),
    ...leftOut.map((r) => plural(t, language, `exports.invoices.leftOut.${r.code}`, r.count)),
  ];
}
