// A password-protected sheet (Naver encrypts its downloads): the password the seller chose, typed once.
import { useId, useRef, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { useT } from '../../i18n';
import { useOrders } from './ordersStore';

export function PasswordStep({ fileName, wrong }: { fileName: string; wrong: boolean }) {
  const t = useT();
  const client = useClient();
  const ids = useId();
  const withPassword = useOrders((s) => s.withPassword);
  const reset = useOrders((s) => s.reset);
  const [password, setPassword] = useState('');
  const field = useRef<HTMLInputElement>(null);

  return (
    <form
      className="orders-password"
      aria-labelledby={`${ids}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (password) void withPassword(client, password);
      }}
    >
      <h3 id={`${ids}-title`} className="section-title">
        {t('orders.password.title', { file: fileName })}
      </h3>
      <p className="muted" id={`${ids}-help`}>
        {t('orders.password.help')}
      </p>
      <label className="field-label" htmlFor={`${ids}-password`}>
        {t('orders.password.label')}
      </label>
      <input
        id={`${ids}-password`}
        ref={field}
        className="input"
        type="password"
        autoComplete="off"
        autoFocus
        value={password}
        aria-describedby={`${ids}-help${wrong ? ` ${ids}-wrong` : ''}`}
        aria-invalid={wrong}
        onChange={(e) => setPassword(e.target.value)}
      />
      {wrong && (
        <p id={`${ids}-wrong`} role="alert" className="field-message field-message-error">
          {t('orders.password.wrong')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={reset}>
          {t('orders.another')}
        </button>
        <button type="submit" className="button button-primary" disabled={!password}>
          {t('orders.password.open')}
        </button>
      </div>
    </form>
  );
}
