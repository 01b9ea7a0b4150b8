// Says so when the screen lost Shipdesk; silent while connected and during the first connect
// (the list's own loading state covers that). The live region stays mounted so it is announced.
// The grid points at it (aria-describedby) while its rows may be out of date.
import { useT } from '../i18n';
import { useConnection } from '../stores/connection';

export const CONNECTION_NOTICE_ID = 'connection-notice';

export function ConnectionNotice() {
  const t = useT();
  const lost = useConnection((s) => s.lost);
  return (
    <p id={CONNECTION_NOTICE_ID} className={lost ? 'connection-notice' : 'visually-hidden'} role="status">
      {lost ? `${t('connection.closed')} ${t('connection.stale')}` : ''}
    </p>
  );
}
