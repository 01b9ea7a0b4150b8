// The first step: drop a workbook or pick one, or download the template (blank or pre-filled with
// the Preparing to Release rows of the current filters).
import { useEffect, useId, useRef, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import { listInput, pickFilters } from '../../stores/filters';
import { useStoreApis } from '../../stores/StoresContext';
import { useImport } from './importStore';
import { useDownload } from './useDownload';

export function ChooseFile() {
  const t = useT();
  const client = useClient();
  const ids = useId();
  const { filters } = useStoreApis();
  const start = useImport((s) => s.start);
  const download = useDownload();
  const picker = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const [over, setOver] = useState(false);

  // Focus starts on "choose a file": when the dialog opens and after "Choose another file".
  useEffect(() => chooseButton.current?.focus(), []);

  const prefilled = () => {
    // The grid's filters, for the Preparing to Release tab (the export implies the tab).
    const { tab: _tab, limit: _limit, cursor: _cursor, ...view } = listInput(pickFilters(filters.getState()), 1);
    return client.call('exports.preparingTemplate', view);
  };

  return (
    <div className="import-choose">
      <div
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        data-testid="drop-zone"
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
          {t('excel.drop')}{' '}
          <button
            ref={chooseButton}
            type="button"
            className="link-button"
            aria-describedby={`${ids}-formats`}
            onClick={() => picker.current?.click()}
          >
            {t('excel.choose')}
          </button>
        </p>
        <p className="muted" id={`${ids}-formats`}>
          {t('excel.formats')}
        </p>
        <input
          ref={picker}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true" // the "choose a file" button is the control; this only opens the picker
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
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
          onClick={() => void download(() => client.call('imports.template', {}))}
        >
          <Icon name="download" size={14} /> {t('excel.template')}
        </button>
        <button type="button" className="button" onClick={() => void download(prefilled)}>
          <Icon name="download" size={14} /> {t('excel.prefilled')}
        </button>
      </div>
    </div>
  );
}
