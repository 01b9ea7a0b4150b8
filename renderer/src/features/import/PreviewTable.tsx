// Every row of the uploaded file with its verdict, filterable by verdict. At most 1,000 rows, so a
// plain table in a scrolling box is enough. What could not be read shows as the operator typed it.
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ImportPreview, ImportRowVerdict } from '../../../../shared/api/contract';
import { Icon, type IconName } from '../../components/Icon';
import { carrierName } from '../../i18n/carrierName';
import { useLanguage, useT } from '../../i18n';

type Filter = 'all' | ImportRowVerdict['verdict'];

/** A cell as typed in the file, for a value Shipdesk did not accept (or could not read). */
function AsWritten({ text, label }: { text: string; label: string }): ReactNode {
  if (!text) return null;
  return (
    <span className="as-written">
      <span className="visually-hidden">{label}: </span>
      {text}
    </span>
  );
}
const ICONS: Record<ImportRowVerdict['verdict'], IconName> = { ok: 'check', warning: 'alert', error: 'close' };

export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const [filter, setFilter] = useState<Filter>(preview.totals.error > 0 ? 'error' : 'all');
  const { totals } = preview;
  const counts: Record<Filter, number> = {
    all: totals.rows,
    ok: totals.ok,
    warning: totals.warning,
    error: totals.error,
  };
  const rows = filter === 'all' ? preview.rows : preview.rows.filter((r) => r.verdict === filter);

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
          <caption className="visually-hidden">{t('excel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('excel.col.row')}
              </th>
              <th scope="col">{t('excel.col.shipmentNo')}</th>
              <th scope="col">{t('excel.col.carrier')}</th>
              <th scope="col">{t('excel.col.invoiceNo')}</th>
              <th scope="col">{t('excel.col.outcome')}</th>
              <th scope="col">{t('excel.col.verdict')}</th>
              <th scope="col">{t('excel.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} data-verdict={r.verdict}>
                <td className="num">{r.row}</td>
                <td className="mono">{r.shipmentNo}</td>
                <td>
                  {r.carrierId ? (
                    carrierName(r.carrierId, language)
                  ) : (
                    <AsWritten text={r.written.carrier} label={t('excel.col.asWritten')} />
                  )}
                </td>
                <td className="mono">
                  {r.invoiceNo ?? <AsWritten text={r.written.invoiceNo} label={t('excel.col.asWritten')} />}
                </td>
                <td>{t(`excel.outcome.${r.outcome}`)}</td>
                <td className={`verdict verdict-${r.verdict}`}>
                  <Icon name={ICONS[r.verdict]} size={12} /> {t(`excel.verdict.${r.verdict}`)}
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
