// Import orders from a sales channel's sheet: choose -> (password) -> (column mapping) -> preview
// every line's verdict -> import the new lines as shipments in Preparing to Release.
import './orders.css';
import { useId } from 'react';
import { useClient } from '../../api/ClientContext';
import { Dialog } from '../../components/Dialog';
import { errorHeadline, useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { MappingStep } from './MappingStep';
import { OrderFileChooser } from './OrderFileChooser';
import { OrderLinesTable } from './OrderLinesTable';
import { DateZonePicker } from './DateZonePicker';
import { useOrders } from './ordersStore';
import { PasswordStep } from './PasswordStep';

export function OrdersDialog({ onClose, onImported }: { onClose(): void; onImported(shipmentNos: string[]): void }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const state = useOrders((s) => s.state);
  const reset = useOrders((s) => s.reset);
  const commit = useOrders((s) => s.commit);
  const enLang = language === 'ko' ? 'en' : undefined;

  const close = () => {
    reset();
    onClose();
  };

  return (
    <Dialog
      titleId={`${ids}-title`}
      title={t('orders.title')}
      onClose={close}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      {state.step === 'choose' && <OrderFileChooser />}
      {state.step === 'reading' && (
        <div className="dialog-placeholder" role="status">
          <p>{t('orders.reading', { file: state.fileName })}</p>
          <progress aria-label={t('orders.reading', { file: state.fileName })} />
        </div>
      )}
      {state.step === 'password' && <PasswordStep fileName={state.fileName} wrong={state.wrong} />}
      {state.step === 'mapping' && (
        <MappingStep fileName={state.fileName} columns={state.columns} error={state.error} />
      )}
      {state.step === 'refused' && (
        <div className="import-refused">
          <div role="alert" className="field-message field-message-error">
            <span>
              {state.error.code === 'TOO_LARGE'
                ? t('excel.tooLarge', { file: state.fileName })
                : `${t('orders.refused')} ${state.error.code === 'TRANSPORT' ? '' : errorHeadline(t, state.error.code)}`}
              {state.error.message && (
                <span className="field-detail" lang={enLang}>
                  {state.error.message}
                </span>
              )}
            </span>
          </div>
          <div className="form-actions form-actions-start">
            <button type="button" className="button" onClick={reset}>
              {t('orders.another')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'preview' && (
        <div className="import-preview">
          <p role="status">
            {t('orders.previewOf', {
              file: state.preview.fileName,
              profile: state.preview.profile.name,
              lines: state.preview.totals.lines,
            })}
            {state.preview.decrypted && ` ${t('orders.decrypted')}`}
          </p>
          {state.preview.previousBatches[0] && (
            <p className="field-message field-message-warning">
              {t('orders.previous', {
                time: formatDateTime(state.preview.previousBatches[0].committedAt, language),
                operator: state.preview.previousBatches[0].operator,
              })}
            </p>
          )}
          {state.preview.notes.map((note) => (
            <p key={note} className="field-note" lang={enLang}>
              {note}
            </p>
          ))}
          {state.preview.dateZone && <DateZonePicker key={state.preview.importId} zone={state.preview.dateZone} />}
          <p className="import-totals">
            <strong>{t('orders.toCreate')}</strong> {state.preview.totals.toCreate} ·{' '}
            <strong>{t('orders.newOrders')}</strong> {state.preview.totals.orders} ·{' '}
            <strong>{t('orders.newShipments')}</strong> {state.preview.totals.shipments} ·{' '}
            <strong>{t('orders.toSkip')}</strong> {state.preview.totals.toSkip} · <strong>{t('orders.errors')}</strong>{' '}
            {state.preview.totals.error}
          </p>
          <OrderLinesTable preview={state.preview} />
          {state.commitError && (
            <p role="alert" className="field-message field-message-error">
              {errorHeadline(t, state.commitError.code)} {state.commitError.message}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={reset}>
              {t('orders.another')}
            </button>
            {state.preview.totals.toCreate > 0 ? (
              <button
                type="button"
                className="button button-primary"
                disabled={state.committing}
                aria-busy={state.committing}
                onClick={() => void commit(client)}
              >
                {state.committing ? t('orders.committing') : t('orders.commit', { n: state.preview.totals.toCreate })}
              </button>
            ) : (
              <span className="field-note">{t('orders.nothing')}</span>
            )}
          </div>
        </div>
      )}
      {state.step === 'committed' && (
        <div className="import-done">
          <p role="status" className="field-message field-message-ok">
            {t('orders.committed', {
              file: state.result.fileName,
              lines: state.result.created.lines,
              shipments: state.result.created.shipments,
              present: state.result.alreadyPresent,
              failed: state.result.failed,
            })}
          </p>
          {state.result.savedProfile && (
            <p className="field-note">{t('orders.savedProfile', { name: state.result.savedProfile })}</p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                const made = state.result.shipmentNos;
                close();
                onImported(made);
              }}
            >
              {t('orders.close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
