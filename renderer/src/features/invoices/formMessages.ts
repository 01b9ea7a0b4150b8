// What the invoice forms say under their fields: the live check's verdict, and a refusal from the
// core placed next to the field it concerns.
import type { RpcError } from '../../../../shared/errors';
import { errorHeadline, type Translate } from '../../i18n';
import type { FieldMessage } from './FieldMessages';
import type { NumberCheck } from './useNumberCheck';

export type Refusal = { field: 'carrier' | 'number' | 'form'; message: FieldMessage };

export function refusalOf(error: RpcError, t: Translate): Refusal {
  const message: FieldMessage = { kind: 'error', text: errorHeadline(t, error.code), detail: error.message };
  if (error.code === 'CARRIER_NOT_FOR_REGION' || error.code === 'UNKNOWN_CARRIER') return { field: 'carrier', message };
  if (error.code === 'NOT_FOUND' || error.code === 'INVALID_STATE') return { field: 'form', message };
  return { field: 'number', message };
}

export function transportRefusal(err: unknown, t: Translate): Refusal {
  return {
    field: 'form',
    message: {
      kind: 'error',
      text: t('invoice.transportFailed'),
      detail: err instanceof Error ? err.message : undefined,
    },
  };
}

export function liveMessages(check: NumberCheck, invoiceNo: string, t: Translate): FieldMessage[] {
  if (check.state === 'checking') return [{ kind: 'info', text: t('invoice.checking') }];
  if (check.state !== 'done') return [];
  const { result } = check;
  const out: FieldMessage[] = [];
  if (!result.valid)
    out.push({ kind: 'error', text: t('invoice.invalid'), detail: result.errors.join(' ') || undefined });
  for (const w of result.warnings) out.push({ kind: 'warning', text: t('invoice.warning', { text: w }) });
  if (result.valid) {
    out.push({
      kind: 'ok',
      text:
        result.normalized !== invoiceNo.trim()
          ? t('invoice.savedAs', { number: result.normalized })
          : t('invoice.looksValid'),
    });
  }
  return out;
}
