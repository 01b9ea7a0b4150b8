// The one line that reports what the operator just did (or what went wrong), read out politely;
// errors assertively. It keeps its height, so a message never moves the grid.
import { useGrid } from '../../stores/StoresContext';

export function NoticeLine() {
  const notice = useGrid((s) => s.notice);
  return (
    <div className="notice-line">
      <p className={`notice notice-${notice?.tone ?? 'ok'}`} role="status">
        {notice?.tone === 'ok' ? notice.text : ''}
      </p>
      <p className="notice notice-error" role="alert">
        {notice?.tone === 'error' ? notice.text : ''}
      </p>
    </div>
  );
}
