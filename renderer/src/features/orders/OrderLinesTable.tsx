// Every line of an order sheet with its verdict, filterable by verdict. A sheet holds up to 10,000
// lines: the table shows the first 500 of the chosen filter, errors first by default.
import { useState } from 'react';
import type { OrderLineVerdict, OrdersPreview } from '../../../../shared/api/contract';
import { Icon, type IconName } from '../../components/Icon';
import { useLanguage, useT } from '../../i18n';

type Filter = 'all' | OrderLineVerdict['verdict'];
const ICONS: Record<OrderLineVerdict['verdict'], IconName> = { ok: 'check', warning: 'alert', error: 'close' };
const SHOWN = 500;

export function OrderLinesTable({ preview }: { preview: OrdersPreview }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const { totals } = preview;
  const [filter, setFilter] = useState<Filter>(totals.error > 0 ? 'error' : 'all');
  const counts: Record<Filter, number> = {
    all: totals.lines,
    ok: totals.ok,
    warning: totals.warning,
    error: totals.error,
  };
  const rows = (filter === 'all' ? preview.rows : preview.rows.filter((r) => r.verdict === filter)).slice(0, SHOWN);

  return (
    <>
      <div className="preview-filters" role="group" aria-label={t('excel.filter')}>
        {(['all', 'ok', 'warning', 'error'] as const).map((f) => (
          <button key={f} type="button" className="preset" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`excel.filter.${f}`, { n: counts[f] })}
          </button>
        ))}
      </div>
      <div className="preview-scroll">
        <table className="preview">
          <caption className="visually-hidden">{t('orders.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('orders.col.row')}
              </th>
              <th scope="col">{t('orders.col.orderNo')}</th>
              <th scope="col">{t('orders.col.lineId')}</th>
              <th scope="col">{t('orders.col.recipient')}</th>
              <th scope="col">{t('orders.col.address')}</th>
              <th scope="col">{t('orders.col.product')}</th>
              <th scope="col">{t('orders.col.verdict')}</th>
              <th scope="col">{t('orders.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} data-verdict={r.verdict}>
                <td className="num">{r.row}</td>
                <td className="mono">{r.orderNo}</td>
                <td className="mono">{r.lineId}</td>
                <SheetText text={r.recipient} />
                <SheetText text={r.address} />
                <SheetText text={r.product} />
                <td className={`verdict verdict-${r.verdict}`}>
                  <Icon name={ICONS[r.verdict]} size={12} /> {t(`orders.outcome.${r.outcome}`)}
                </td>
                <td lang={language === 'ko' ? 'en' : undefined}>{r.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Text as the sheet wrote it, cut to the column's width; the whole text is in the tooltip. */
function SheetText({ text }: { text: string }) {
  return (
    <td className="sheet-text" title={text || undefined}>
      {text}
    </td>
  );
}
