// Says so when the screen lost Shipdesk; silent while connected and during the first connect
// (the list's own loading state covers that). The live region stays mounted so it is announced.
import { useEffect, useState } from 'react';
import { useClient } from '../api/ClientContext';
import type { ConnectionState } from '../api/transport';
import { useT } from '../i18n';

export function ConnectionNotice() {
  const client = useClient();
  const t = useT();
  const [state, setState] = useState<ConnectionState>(client.connection);
  const [dropped, setDropped] = useState(false);
  useEffect(() => {
    setState(client.connection);
    return client.onConnection((next) => {
      setState(next);
      if (next === 'closed') setDropped(true);
    });
  }, [client]);
  const showing = dropped && state !== 'open';
  return (
    <p className={showing ? 'connection-notice' : 'visually-hidden'} role="status">
      {showing ? t('connection.closed') : ''}
    </p>
  );
}
