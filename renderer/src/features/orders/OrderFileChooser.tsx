// The first step: drop a channel's order sheet or pick one, or download the order template.
import { useId, useRef, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import { useDownload } from '../import/useDownload';
import { useOrders } from './ordersStore';

export function OrderFileChooser() {
  const t = useT();
  const client = useClient();
  const ids = useId();
  const start = useOrders((s) => s.start);
  const download = useDownload();
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  return (
    <div className="import-choose">
      <div
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        data-testid="orders-drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (file) void start(client, file);
        }}
      >
        <Icon name="upload" size={28} />
        <p>
          {t('orders.drop')}{' '}
          <button type="button" className="link-button" onClick={() => picker.current?.click()}>
            {t('orders.choose')}
          </button>
        </p>
        <p className="muted" id={`${ids}-formats`}>
          {t('orders.formats')}
        </p>
        <input
          ref={picker}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('orders.choose')}
          aria-describedby={`${ids}-formats`}
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void start(client, file);
            e.target.value = '';
          }}
        />
      </div>
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="button"
          onClick={() => void download(() => client.call('orders.template', {}))}
        >
          <Icon name="download" size={14} /> {t('orders.template')}
        </button>
      </div>
    </div>
  );
}
