// What the invoice form says: ONE message at a time, the one that matters first (a refusal just
// received, else a blocking problem, else a warning, else what the number fits), and a button that
// names what it will do, blocked with that message as its reason when nothing can be registered.
import { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { CarrierId } from '../../../../shared/carriers';
import { NumberErrorSchema, type NumberError } from '../../../../shared/numberIssues';
import { errorHeadline, type Translate } from '../../i18n';
import type { CarrierDecision } from './carrierChoice';
import type { FieldMessage } from './FieldMessages';
import { numberErrorText, warningText, type Wording } from './issueText';
import type { CarrierCheck } from './useCarrierCheck';

export type { Wording } from './issueText';

export type Refusal = { field: 'carrier' | 'number' | 'form'; message: FieldMessage };

/** An invalid number's reasons travel in the error's details: said in the screen's language when they parse. */
const InvalidNumberDetails = z.object({ errors: z.array(NumberErrorSchema).min(1) });

export function refusalOf(error: RpcError, t: Translate, w?: Wording): Refusal {
  const reasons = error.code === 'INVALID_INVOICE_NUMBER' ? InvalidNumberDetails.safeParse(error.details) : null;
  const message: FieldMessage =
    reasons?.success && w
      ? { kind: 'error', text: reasonOf(reasons.data.errors, w) }
      : { kind: 'error', text: errorHeadline(t, error.code), detail: error.message };
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

/** "CJ Logistics, Hanjin and 8 more": lenient carriers accept almost any digits, so name the first few. */
function fitsText(fits: readonly CarrierId[], w: Wording): string {
  const shown = fits.slice(0, 3).map((c) => w.carrierName(c));
  return fits.length > 3 ? w.t('invoice.andMore', { names: shown.join(', '), n: fits.length - 3 }) : shown.join(', ');
}

function reasonOf(errors: readonly NumberError[], w: Wording): string {
  return errors.map((e) => numberErrorText(e, w)).join(' ');
}

/** The decision's one message, and whether it blocks registering or asks for a confirmation. */
export function decisionMessage(
  d: CarrierDecision,
  typed: string,
  armed: string | null,
  w: Wording,
): { message: FieldMessage; about: 'carrier' | 'number'; blocks: boolean; warns: boolean } {
  const { t } = w;
  if (d.carrier === null) {
    if (d.ruledOut) {
      const text = t('invoice.ruledOutChoose', {
        carrier: w.carrierName(d.ruledOut.carrierId),
        reason: reasonOf(d.ruledOut.result.errors, w),
        carriers: fitsText(d.fits, w),
      });
      return { message: { kind: 'error', text }, about: 'carrier', blocks: true, warns: false };
    }
    if (d.fits.length > 0) {
      const text = t('invoice.chooseCarrierFits', { carriers: fitsText(d.fits, w) });
      return { message: { kind: 'error', text }, about: 'carrier', blocks: true, warns: false };
    }
    const text = reasonOf(d.result.errors, w) || t('invoice.invalid');
    return { message: { kind: 'error', text }, about: 'number', blocks: true, warns: false };
  }
  if (!d.result.valid) {
    const others = d.fits.filter((c) => c !== d.carrier);
    const reason = reasonOf(d.result.errors, w) || t('invoice.invalid');
    const text = others.length ? `${reason} ${t('invoice.fitsOther', { carriers: fitsText(others, w) })}` : reason;
    return { message: { kind: 'error', text }, about: 'number', blocks: true, warns: false };
  }
  const savedAs =
    d.result.normalized !== typed.trim() ? ` ${t('invoice.savedAs', { number: d.result.normalized })}` : '';
  if (d.result.warnings.length > 0) {
    const confirm = armed === d.result.normalized ? ` ${t('invoice.needConfirm')}` : '';
    const text = `${t('invoice.warning', { text: d.result.warnings.map((x) => warningText(x, w)).join(' ') })}${confirm}`;
    return { message: { kind: 'warning', text }, about: 'number', blocks: false, warns: true };
  }
  const name = w.carrierName(d.carrier);
  const others = d.fits.filter((c) => c !== d.carrier);
  const lead = d.ruledOut
    ? t('invoice.ruledOutDetected', {
        carrier: w.carrierName(d.ruledOut.carrierId),
        reason: reasonOf(d.ruledOut.result.errors, w),
        detected: name,
      })
    : d.detected
      ? t('invoice.detected', { carrier: name })
      : others.length
        ? t('invoice.validFits', { carrier: name, carriers: fitsText(others, w) })
        : t('invoice.validFor', { carrier: name });
  return { message: { kind: 'ok', text: lead + savedAs }, about: 'number', blocks: false, warns: false };
}

export interface PanelInput {
  mode: 'register' | 'modify';
  typed: string;
  carriersLoaded: boolean;
  check: CarrierCheck;
  refusal: Refusal | null;
  /** The normalised number whose warning the operator was told about (Enter again confirms). */
  armed: string | null;
}

export interface PanelState {
  message: FieldMessage | null;
  /** The field the message is about. */
  about: 'carrier' | 'number' | 'form' | null;
  /** A refusal just received: announced at once. */
  alert: boolean;
  /** What the button says it will do; `blocked` when pressing it cannot register (the message says why). */
  button: { label: string; blocked: boolean; warning: boolean };
}

export function panelState(p: PanelInput, w: Wording): PanelState {
  const { t } = w;
  const plain = p.mode === 'register' ? t('invoice.register') : t('invoice.saveChanges');
  const despite = p.mode === 'register' ? t('invoice.confirmWarning') : t('invoice.confirmWarningModify');
  const button = (blocked: boolean, warning = false) => ({ label: warning ? despite : plain, blocked, warning });
  if (p.refusal) return { message: p.refusal.message, about: p.refusal.field, alert: true, button: button(false) };
  if (!p.carriersLoaded) return { message: null, about: null, alert: false, button: button(true) };
  // Nothing typed yet: the field's hint says what to do.
  if (p.typed.trim() === '') return { message: null, about: null, alert: false, button: button(true) };
  if (p.check.state !== 'done') {
    const message: FieldMessage | null =
      p.check.state === 'checking' ? { kind: 'info', text: t('invoice.checking') } : null;
    return { message, about: null, alert: false, button: button(false) };
  }
  const said = decisionMessage(p.check.decision, p.typed, p.armed, w);
  return { message: said.message, about: said.about, alert: false, button: button(said.blocks, said.warns) };
}
