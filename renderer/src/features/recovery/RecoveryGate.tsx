// Before the desk: ask whether the database opened. If it was refused (damaged, or not a Shipdesk
// database), show the recovery screen instead of a desk whose every call would fail; once a backup is
// restored, the desk opens as usual. A host that cannot be reached shows the desk (it says Disconnected).
import { useEffect, useState, type ReactNode } from 'react';
import type { RecoveryView } from '../../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { useT } from '../../i18n';
import { RecoveryScreen } from './RecoveryScreen';

type Gate = { kind: 'checking' } | { kind: 'open' } | { kind: 'needed'; view: RecoveryView };

export function RecoveryGate({ children }: { children: ReactNode }) {
  const t = useT();
  const client = useClient();
  const [gate, setGate] = useState<Gate>({ kind: 'checking' });

  useEffect(() => {
    let live = true;
    client.call('recovery.state', {}).then(
      (answer) => {
        if (!live) return;
        setGate(
          answer.ok && answer.value.state === 'needed' ? { kind: 'needed', view: answer.value } : { kind: 'open' },
        );
      },
      () => live && setGate({ kind: 'open' }),
    );
    const off = client.onConnection((state) => {
      if (state === 'closed') setGate((g) => (g.kind === 'checking' ? { kind: 'open' } : g));
    });
    return () => {
      live = false;
      off();
    };
  }, [client]);

  if (gate.kind === 'checking') {
    return (
      <p className="recovery-checking" role="status">
        {t('recovery.checking')}
      </p>
    );
  }
  if (gate.kind === 'needed') return <RecoveryScreen view={gate.view} onOpened={() => setGate({ kind: 'open' })} />;
  return children;
}
