// Files out: a channel's bulk-invoice upload file for a day, the list as filtered on screen (.xlsx or
// .csv), and the day's numbers per carrier for the driver.
import './orders.css';
import { useId, useState } from 'react';
import { INVOICE_LAYOUTS, type InvoiceLayout } from '../../../../shared/orders';
import { useClient } from '../../api/ClientContext';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { DayField } from '../../components/DayField';
import { errorHeadline, useLanguage, useT } from '../../i18n';
import { plural } from '../../i18n/plural';
import type { InvoiceExportResult } from '../../../../shared/api/contract';
import { leftOutLines } from './leftOutText';
import { listInput, pickFilters } from '../../stores/filters';
import { useStoreApis } from '../../stores/StoresContext';
import { saveDownload } from '../import/files';
import { useDownload } from '../import/useDownload';

const isLayout = (v: string): v is InvoiceLayout => (INVOICE_LAYOUTS as readonly string[]).includes(v);

/** Today in the screen's time zone, as YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** coreFrom: the index from which lines are the core's English warnings. */
type Outcome = { tone: 'ok' | 'error' | 'warning'; lines: string[]; coreFrom?: number } | null;

export function ExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const { filters } = useStoreApis();
  const download = useDownload();
  const [channel, setChannel] = useState<InvoiceLayout>('naver');
  const [day, setDay] = useState(today);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** A file with rows left out, kept until the operator has read why and chooses to download it. */
  const [held, setHeld] = useState<InvoiceExportResult | null>(null);

  /** Saves the file and says what to check: the core's warnings are in English (lang marked below). */
  const save = (file: InvoiceExportResult) => {
    setHeld(null);
    saveDownload(file);
    const done = t('excel.downloaded', { file: file.fileName });
    setOutcome(
      file.warnings.length
        ? { tone: 'warning', lines: [done, t('exports.invoices.warnings'), ...file.warnings], coreFrom: 2 }
        : { tone: 'ok', lines: [done] },
    );
  };

  const channelFile = async () => {
    setBusy(true);
    setOutcome(null);
    setHeld(null);
    try {
      const answer = await client.call('exports.invoices', { channel, date: day });
      if (!answer.ok) {
        setOutcome({ tone: 'error', lines: [`${errorHeadline(t, answer.error.code)} ${answer.error.message}`] });
        return;
      }
      const file = answer.value;
      // Rows the channel would refuse are said before anything is saved (docs/ORDERS.md, "Tracking numbers out").
      if (file.leftOut.length) {
        const lines = leftOutLines(t, language, channel, file.leftOut);
        if (file.rows === 0) lines.push(t('exports.invoices.leftOut.nothing'));
        else setHeld(file);
        setOutcome({ tone: 'warning', lines });
        return;
      }
      if (file.rows === 0) {
        setOutcome({ tone: 'warning', lines: [t('exports.invoices.none')] });
        return;
      }
      save(file);
    } finally {
      setBusy(false);
    }
  };

  const grid = (format: 'xlsx' | 'csv') => {
    const { limit: _limit, cursor: _cursor, ...query } = listInput(pickFilters(filters.getState()), 1);
    return download(() => client.call('exports.grid', { query, format }));
  };

  return (
    <Dialog
      titleId={`${ids}-title`}
      title={t('exports.title')}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      <div className="export-sections">
        <section aria-labelledby={`${ids}-invoices`}>
          <h3 id={`${ids}-invoices`} className="section-title">
            {t('exports.invoices.title')}
          </h3>
          <p className="muted">{t('exports.invoices.help')}</p>
          <div className="export-form">
            <label className="field-label" htmlFor={`${ids}-channel`}>
              {t('exports.invoices.channel')}
            </label>
            <select
              id={`${ids}-channel`}
              className="select"
              value={channel}
              onChange={(e) => isLayout(e.target.value) && setChannel(e.target.value)}
            >
              {INVOICE_LAYOUTS.map((c) => (
                <option key={c} value={c}>
                  {t(`exports.channel.${c}`)}
                </option>
              ))}
            </select>
            <label className="field-label" htmlFor={`${ids}-day`}>
              {t('exports.invoices.date')}
            </label>
            <DayField id={`${ids}-day`} value={day} optional={false} onChange={(d) => d && setDay(d)} />
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void channelFile()}>
              <Icon name="download" size={14} /> {t('exports.invoices.download')}
            </button>
          </div>
          {outcome && (
            <div role="status" className={`field-message field-message-${outcome.tone} export-outcome`}>
              {outcome.lines.map((line, i) => (
                <p
                  key={i}
                  lang={outcome.coreFrom !== undefined && i >= outcome.coreFrom && language === 'ko' ? 'en' : undefined}
                >
                  {line}
                </p>
              ))}
              {held && (
                <button type="button" className="button" onClick={() => save(held)}>
                  <Icon name="download" size={14} /> {plural(t, language, 'exports.invoices.leftOut.rest', held.rows)}
                </button>
              )}
            </div>
          )}
        </section>
        <section aria-labelledby={`${ids}-grid`}>
          <h3 id={`${ids}-grid`} className="section-title">
            {t('exports.grid.title')}
          </h3>
          <p className="muted">{t('exports.grid.help')}</p>
          <div className="form-actions form-actions-start">
            <button type="button" className="button" onClick={() => void grid('xlsx')}>
              <Icon name="download" size={14} /> {t('exports.grid.xlsx')}
            </button>
            <button type="button" className="button" onClick={() => void grid('csv')}>
              <Icon name="download" size={14} /> {t('exports.grid.csv')}
            </button>
          </div>
        </section>
        <section aria-labelledby={`${ids}-driver`}>
          <h3 id={`${ids}-driver`} className="section-title">
            {t('exports.driver.title')}
          </h3>
          <p className="muted">{t('exports.driver.help')}</p>
          <div className="form-actions form-actions-start">
            <button
              type="button"
              className="button"
              onClick={() => void download(() => client.call('exports.driverList', { date: day, format: 'xlsx' }))}
            >
              <Icon name="download" size={14} /> {t('exports.driver.download')}
            </button>
          </div>
        </section>
      </div>
    </Dialog>
  );
}
