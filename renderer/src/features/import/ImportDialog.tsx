// Register invoices from Excel: choose -> read and check (progress) -> preview every verdict ->
// save the valid rows -> download the failed rows to fix and upload again.
import { useId } from 'react';
import { useClient } from '../../api/ClientContext';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { errorHeadline, useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { plural } from '../../i18n/plural';
import { ChooseFile } from './ChooseFile';
import { useImport } from './importStore';
import { PreviewTable } from './PreviewTable';
import { useDownload } from './useDownload';

export function ImportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const state = useImport((s) => s.state);
  const reset = useImport((s) => s.reset);
  const commit = useImport((s) => s.commit);
  const download = useDownload();

  // Closing forgets the file; the next opening starts at "choose".
  const close = () => {
    reset();
    onClose();
  };

  const failedRows = (importId: string) => download(() => client.call('imports.failedRows', { importId }));

  return (
    <Dialog
      titleId={`${ids}-title`}
      title={t('excel.title')}
      onClose={close}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      {state.step === 'choose' && <ChooseFile />}
      {state.step === 'reading' && (
        <div className="dialog-placeholder" role="status">
          <p>{t('excel.reading', { file: state.fileName })}</p>
          <p>
            {t(`excel.phase.${state.phase}`)}
            {state.total > 0 && ` · ${t('excel.progress', { done: state.done, total: state.total })}`}
          </p>
          <progress
            max={state.total || 1}
            value={state.total ? state.done : undefined}
            aria-label={t(`excel.phase.${state.phase}`)}
          />
        </div>
      )}
      {state.step === 'refused' && (
        <div className="import-refused">
          <div role="alert" className="field-message field-message-error">
            <span>
              {state.error.code === 'TOO_LARGE'
                ? t('excel.tooLarge', { file: state.fileName })
                : `${t('excel.refused')} ${state.error.code === 'TRANSPORT' ? t('connection.callFailed') : errorHeadline(t, state.error.code)}`}
              {state.error.message && (
                <span className="field-detail" lang={language === 'ko' ? 'en' : undefined}>
                  {state.error.message}
                </span>
              )}
            </span>
          </div>
          <div className="form-actions form-actions-start">
            <button type="button" className="button" onClick={reset}>
              {t('excel.another')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'preview' && (
        <div className="import-preview">
          <p role="status">
            {plural(t, language, 'excel.previewOf', state.preview.totals.rows, { file: state.preview.fileName })}
          </p>
          {state.preview.previousBatches[0] && (
            <p className="field-message field-message-warning">
              {t('excel.previous', {
                time: formatDateTime(state.preview.previousBatches[0].committedAt, language),
                operator: state.preview.previousBatches[0].operator,
                registered: state.preview.previousBatches[0].registered,
              })}
            </p>
          )}
          <p className="import-totals">
            <strong>{t('excel.toRegister')}</strong> {state.preview.totals.toRegister} ·{' '}
            <strong>{t('excel.toModify')}</strong> {state.preview.totals.toModify} ·{' '}
            <strong>{t('excel.toSkip')}</strong> {state.preview.totals.toSkip}
          </p>
          <PreviewTable preview={state.preview} />
          {state.commitError && (
            <p role="alert" className="field-message field-message-error">
              {state.commitError === 'transport'
                ? t('connection.callFailed')
                : `${errorHeadline(t, state.commitError.code)} ${state.commitError.message}`}
            </p>
          )}
          <div className="form-actions">
            {state.preview.totals.error > 0 && (
              <button type="button" className="button" onClick={() => void failedRows(state.preview.importId)}>
                <Icon name="download" size={14} /> {plural(t, language, 'excel.failedRows', state.preview.totals.error)}
              </button>
            )}
            <button type="button" className="button" onClick={reset}>
              {t('excel.another')}
            </button>
            {state.preview.totals.toRegister + state.preview.totals.toModify > 0 ? (
              <button
                type="button"
                className="button button-primary"
                disabled={state.committing}
                aria-busy={state.committing}
                onClick={() => void commit(client)}
              >
                {state.committing
                  ? t('excel.committing')
                  : plural(
                      t,
                      language,
                      'excel.commit',
                      state.preview.totals.toRegister + state.preview.totals.toModify,
                    )}
              </button>
            ) : (
              <span className="field-note">{t('excel.nothingToSave')}</span>
            )}
          </div>
        </div>
      )}
      {state.step === 'committed' && (
        <div className="import-done">
          <p role="status" className="field-message field-message-ok">
            {t('excel.committed', {
              file: state.result.fileName,
              registered: state.result.registered,
              modified: state.result.modified,
              skipped: state.result.skipped + state.result.skippedAlreadyRegistered,
              failed: state.result.failed,
            })}
          </p>
          {state.result.changedSincePreview > 0 && (
            <p className="field-message field-message-warning">
              {plural(t, language, 'excel.changed', state.result.changedSincePreview)}
            </p>
          )}
          <div className="form-actions">
            {state.result.failed > 0 && (
              <button type="button" className="button" onClick={() => void failedRows(state.result.importId)}>
                <Icon name="download" size={14} /> {plural(t, language, 'excel.failedRows', state.result.failed)}
              </button>
            )}
            <button type="button" className="button" onClick={reset}>
              {t('excel.importAnother')}
            </button>
            <button type="button" className="button button-primary" onClick={close}>
              {t('excel.close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
