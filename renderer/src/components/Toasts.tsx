// The toasts over the bottom of the grid. Two live regions that are always in the page (a region
// added together with its text is not announced): successes politely, errors assertively.
import { useT } from '../i18n';
import { useToasts, type Toast, type ToastTone } from '../stores/toasts';
import { Icon } from './Icon';

function ToastItem({ toast }: { toast: Toast }) {
  const t = useT();
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className={`toast toast-${toast.tone}`} data-toast-id={toast.id}>
      <Icon name={toast.tone === 'ok' ? 'check' : 'alert'} size={14} />
      <span className="toast-text">{toast.text}</span>
      <button
        type="button"
        className="icon-button toast-close"
        aria-label={t('toast.dismiss')}
        onClick={() => dismiss(toast.id)}
      >
        <Icon name="close" size={12} />
      </button>
    </div>
  );
}

function Region({ tone }: { tone: ToastTone }) {
  const toasts = useToasts((s) => s.toasts);
  const mine = toasts.filter((x) => x.tone === tone);
  return (
    <div
      className="toast-region"
      role={tone === 'ok' ? 'status' : 'alert'}
      aria-live={tone === 'ok' ? 'polite' : 'assertive'}
      aria-atomic="false"
    >
      {mine.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

export function Toasts() {
  const hold = useToasts((s) => s.hold);
  return (
    <div
      className="toasts"
      onMouseEnter={() => hold(true)}
      onMouseLeave={() => hold(false)}
      onFocus={() => hold(true)}
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) hold(false);
      }}
    >
      <Region tone="error" />
      <Region tone="ok" />
    </div>
  );
}
