// A dialog's content that could not be loaded: the headline in the operator's language, the core's words below.
import type { RpcError } from '../../../shared/errors';
import { errorHeadline, useT } from '../i18n';

export function CallFailure({ error, message }: { error: RpcError | null; message: string }) {
  const t = useT();
  return (
    <div className="dialog-placeholder" role="alert">
      <p className="field-message field-message-error">
        {error ? errorHeadline(t, error.code) : t('dialog.loadFailed')}
      </p>
      <p className="field-detail">{message}</p>
    </div>
  );
}
