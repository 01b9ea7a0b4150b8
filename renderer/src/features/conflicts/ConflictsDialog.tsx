// The Conflicts view: each change of this station that another station overtook (or that the hub
// refused), in one sentence ("you scanned 4444 at 10:02; station B registered 5555 at 10:01"), with
// the two ways out: keep theirs, or use mine (a normal modify, sent to the hub like any change).
import { useCallback, useEffect, useId, useState } from 'react';
import type { ConflictItem } from '../../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { Dialog } from '../../components/Dialog';
import { carrierName } from '../../i18n/carrierName';
import { useLanguage, useT, type Language, type Translate } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

function number(side: { carrierId: ConflictItem['mine']['carrierId']; invoiceNo: string | null }, language: Language) {
  return `${carrierName(side.carrierId ?? null, language)} ${side.invoiceNo ?? ''}`.trim();
}

/** Changes "use mine" can make again (a number or an address); an import or a split cannot. */
const REDOABLE = new Set(['register', 'modify', 'delete', 'address', 'offer']);

export function conflictSentence(c: ConflictItem, t: Translate, language: Language): string {
  const what =
    c.kind === 'address'
      ? t('conflicts.changedAddress')
      : c.kind === 'delete'
        ? t('conflicts.deleted')
        : c.kind === 'regroup'
          ? t('conflicts.regrouped')
          : c.kind === 'importOrders' || (c.kind === 'offer' && !c.mine.invoiceNo)
            ? t('conflicts.imported')
            : t('conflicts.scanned', { number: number(c.mine, language) });
  const mineAt = formatDateTime(c.mine.scanAt, language);
  if (c.verdict === 'rejected' || !c.theirs)
    return t('conflicts.refusedSentence', { what, mineAt, reason: c.reason ?? '' });
  const theirWhat =
    c.code === 'SHIPMENT_NO_TAKEN'
      ? t('conflicts.numberTaken')
      : c.theirs.invoiceNo
        ? t('conflicts.registered', { number: number(c.theirs, language) })
        : c.theirs.address && c.kind === 'address'
          ? t('conflicts.changedAddress')
          : t('conflicts.noInvoice');
  return t('conflicts.sentence', { what, mineAt, station: c.station, theirWhat, at: formatDateTime(c.at, language) });
}

export function ConflictsDialog({ onClose, onChanged }: { onClose(): void; onChanged(): void }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const [items, setItems] = useState<ConflictItem[] | null>(null);
  const [note, setNote] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    const answer = await client.call('conflicts.list', {});
    if (answer.ok) setItems(answer.value);
    else setNote({ text: answer.error.message, tone: 'error' });
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);

  const resolve = async (c: ConflictItem, action: 'keepTheirs' | 'useMine') => {
    setBusy(c.id);
    try {
      const answer = await client.call('conflicts.resolve', { id: c.id, action });
      setNote(
        answer.ok
          ? { text: t('conflicts.resolved', { shipmentNo: c.shipmentNo }), tone: 'ok' }
          : { text: answer.error.message, tone: 'error' },
      );
      await load();
      onChanged();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog
      titleId={`${ids}-title`}
      title={t('conflicts.title')}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      <p role="status" aria-live="polite" className={note?.tone === 'error' ? 'field-error' : 'muted'}>
        {note?.text ?? ''}
      </p>
      {items === null ? (
        <p className="dialog-placeholder">{t('dialog.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('conflicts.empty')}</p>
      ) : (
        <table className="history conflicts">
          <caption className="section-subtitle">{t('conflicts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflicts.shipment')}</th>
              <th scope="col">{t('conflicts.mine')}</th>
              <th scope="col">{t('conflicts.theirs')}</th>
              <th scope="col">{t('conflicts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-conflict={c.shipmentNo}>
                <th scope="row" className="num nowrap">
                  {c.shipmentNo}
                </th>
                <td>
                  <span className="conflict-sentence">{conflictSentence(c, t, language)}</span>
                </td>
                <td className="nowrap">{c.theirs ? number(c.theirs, language) || c.station : (c.code ?? '')}</td>
                <td className="nowrap">
                  {c.code === 'SHIPMENT_NO_TAKEN' ? (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy !== null}
                      aria-label={t('conflicts.renumberLabel', { shipmentNo: c.shipmentNo })}
                      onClick={() => void resolve(c, 'useMine')}
                    >
                      {t('conflicts.renumber')}
                    </button>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy !== null}
                        aria-label={t('conflicts.keepTheirsLabel', { shipmentNo: c.shipmentNo })}
                        onClick={() => void resolve(c, 'keepTheirs')}
                      >
                        {t('conflicts.keepTheirs')}
                      </button>{' '}
                      {c.verdict === 'conflict' && REDOABLE.has(c.kind) && (
                        <button
                          type="button"
                          className="button button-small"
                          disabled={busy !== null}
                          aria-label={t('conflicts.useMineLabel', { shipmentNo: c.shipmentNo })}
                          onClick={() => void resolve(c, 'useMine')}
                        >
                          {t('conflicts.useMine')}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
