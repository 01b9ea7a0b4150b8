// A layout no profile knows: each column of the sheet is given one of our fields (suggested from
// Korean and English words), once; saved under a name, it is chosen again by itself next time.
import { useId, useState } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { CHANNELS, type ChannelId } from '../../../../shared/channels';
import { ORDER_FIELDS, type OrderField } from '../../../../shared/orders';
import { useClient } from '../../api/ClientContext';
import { useLanguage, useT } from '../../i18n';
import { FIELD_LABELS } from './fieldLabels';
import { useOrders, type MappingColumn } from './ordersStore';

const isField = (v: string): v is OrderField => (ORDER_FIELDS as readonly string[]).includes(v);
const isChannel = (v: string): v is ChannelId => CHANNELS.some((c) => c.id === v);

export function MappingStep({
  fileName,
  columns,
  error,
}: {
  fileName: string;
  columns: MappingColumn[];
  error: RpcError | null;
}) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const withMapping = useOrders((s) => s.withMapping);
  const reset = useOrders((s) => s.reset);
  const [fields, setFields] = useState<Record<number, OrderField | ''>>(() =>
    Object.fromEntries(columns.map((c) => [c.column, c.suggestion ?? ''])),
  );
  const [channel, setChannel] = useState<ChannelId>('other');
  const [saveAs, setSaveAs] = useState('');

  const apply = () => {
    const mapping: Record<string, OrderField> = {};
    for (const c of columns) {
      const field = fields[c.column];
      if (field && c.header) mapping[c.header] = field;
    }
    void withMapping(client, mapping, channel, saveAs);
  };

  return (
    <form
      className="orders-mapping"
      aria-labelledby={`${ids}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <h3 id={`${ids}-title`} className="section-title">
        {t('orders.mapping.title')}
      </h3>
      <p className="muted">{t('orders.mapping.help', { file: fileName })}</p>
      <div className="preview-scroll">
        <table className="preview">
          <caption className="visually-hidden">{t('orders.mapping.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orders.mapping.header')}</th>
              <th scope="col">{t('orders.mapping.samples')}</th>
              <th scope="col">{t('orders.mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {columns
              .filter((c) => c.header)
              .map((c) => (
                <tr key={c.column}>
                  <th scope="row">{c.header}</th>
                  <td className="muted">{c.samples.join(' · ')}</td>
                  <td>
                    <select
                      className="select"
                      aria-label={t('orders.mapping.fieldOf', { header: c.header })}
                      value={fields[c.column] ?? ''}
                      onChange={(e) => {
                        const v = e.target.value;
                        setFields((f) => ({ ...f, [c.column]: isField(v) ? v : '' }));
                      }}
                    >
                      <option value="">{t('orders.mapping.none')}</option>
                      {ORDER_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f][language]} ({f})
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <div className="mapping-options">
        <label className="field-label" htmlFor={`${ids}-channel`}>
          {t('orders.mapping.channel')}
        </label>
        <select
          id={`${ids}-channel`}
          className="select"
          value={channel}
          onChange={(e) => isChannel(e.target.value) && setChannel(e.target.value)}
        >
          {CHANNELS.map((c) => (
            <option key={c.id} value={c.id}>
              {language === 'ko' ? c.nameKo : c.nameEn}
            </option>
          ))}
        </select>
        <label className="field-label" htmlFor={`${ids}-save`}>
          {t('orders.mapping.saveAs')}
        </label>
        <input
          id={`${ids}-save`}
          className="input"
          value={saveAs}
          maxLength={80}
          aria-describedby={`${ids}-save-hint`}
          onChange={(e) => setSaveAs(e.target.value)}
        />
        <p id={`${ids}-save-hint`} className="muted">
          {t('orders.mapping.saveHint')}
        </p>
      </div>
      {error && (
        <p role="alert" className="field-message field-message-error" lang={language === 'ko' ? 'en' : undefined}>
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={reset}>
          {t('orders.another')}
        </button>
        <button type="submit" className="button button-primary">
          {t('orders.mapping.apply')}
        </button>
      </div>
    </form>
  );
}
