// Messages under a form field: errors and warnings as icon + words, tied to the field by id.
import type { ReactNode } from 'react';

export interface FieldMessage {
  kind: 'error' | 'warning' | 'ok' | 'info';
  text: string;
  /** The core's own sentence (English), shown under the headline. */
  detail?: string;
}

const MARKS: Record<FieldMessage['kind'], string> = { error: '✕', warning: '!', ok: '✓', info: '' };

export function FieldMessages({
  id,
  messages,
  detailLang,
}: {
  id: string;
  messages: FieldMessage[];
  detailLang: string | undefined;
}): ReactNode {
  return (
    <div id={id} className="field-messages" aria-live="polite">
      {messages.map((m, i) => (
        <p key={`${m.kind}-${i}`} className={`field-message field-message-${m.kind}`}>
          {MARKS[m.kind] && (
            <span className="field-mark" aria-hidden="true">
              {MARKS[m.kind]}
            </span>
          )}
          <span className="field-text">
            {m.text}
            {m.detail && (
              <span className="field-detail" lang={detailLang}>
                {m.detail}
              </span>
            )}
          </span>
        </p>
      ))}
    </div>
  );
}
