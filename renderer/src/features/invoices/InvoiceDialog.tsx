// The invoice dialog, opened by the green Shipment No., by the pencil or wastebasket, or by a scan:
// the shipment's facts on the left, its invoice on the right.
import { useCallback, useEffect, useId, useState } from 'react';
import type { InvoiceChangeResult, ShipmentDetail } from '../../../../shared/api/contract';
import type { RpcError } from '../../../../shared/errors';
import { useClient } from '../../api/ClientContext';
import { CallFailure } from '../../components/CallFailure';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import type { InvoiceMode } from '../../stores/dialogs';
import { beep } from '../scanner/beep';
import { InvoicePanel } from './InvoicePanel';
import { ShipmentFacts } from './ShipmentFacts';

export type InvoiceOutcome =
  | { kind: 'registered' | 'modified'; result: InvoiceChangeResult; scanned: boolean }
  | { kind: 'deleted'; shipment: ShipmentDetail }
  | { kind: 'address'; shipment: ShipmentDetail };

interface Props {
  shipmentNo: string;
  mode: InvoiceMode;
  scanned: boolean;
  onClose(): void;
  onOutcome(outcome: InvoiceOutcome): void;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; detail: ShipmentDetail }
  | { state: 'failed'; error: RpcError | null; message: string };

export function InvoiceDialog({ shipmentNo, mode, scanned, onClose, onOutcome }: Props) {
  const t = useT();
  const client = useClient();
  const ids = useId();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    client.call('shipments.get', { shipmentNo }).then(
      (answer) => {
        if (!current) return;
        if (answer.ok) return setLoaded({ state: 'ready', detail: answer.value });
        setLoaded({ state: 'failed', error: answer.error, message: answer.error.message });
        if (scanned) beep('error');
      },
      (err: unknown) =>
        current &&
        setLoaded({ state: 'failed', error: null, message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [client, shipmentNo, scanned]);

  const addressSaved = useCallback(
    (detail: ShipmentDetail) => {
      setLoaded({ state: 'ready', detail });
      onOutcome({ kind: 'address', shipment: detail });
    },
    [onOutcome],
  );

  return (
    <Dialog
      titleId={`${ids}-title`}
      title={t('invoice.title', { shipmentNo })}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      {loaded.state === 'loading' && <p className="dialog-placeholder">{t('dialog.loading')}</p>}
      {loaded.state === 'failed' && <CallFailure error={loaded.error} message={loaded.message} />}
      {loaded.state === 'ready' && (
        <div className="invoice-dialog-body">
          <ShipmentFacts
            detail={loaded.detail}
            onChanged={addressSaved}
            onReplaced={(detail) => setLoaded({ state: 'ready', detail })}
          />
          <InvoicePanel
            detail={loaded.detail}
            initialMode={mode}
            onChanged={(result, kind, wasScanned) => onOutcome({ kind, result, scanned: wasScanned })}
            onDeleted={(shipment) => onOutcome({ kind: 'deleted', shipment })}
          />
        </div>
      )}
    </Dialog>
  );
}
