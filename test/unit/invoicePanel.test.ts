// The invoice form's carrier choice and its one message, against the real number rules.
import { describe, expect, it } from 'vitest';
import type { CarrierView } from '../../shared/api/contract';
import type { CarrierId } from '../../shared/carriers';
import { listCarriers, validateNumber } from '../../main/core/services/carriers';
import { carrierName } from '../../renderer/src/i18n/carrierName';
import { translator } from '../../renderer/src/i18n';
import {
  chooseCarrier,
  decideCarrier,
  preselectedCarrier,
  regionCandidates,
  type Validate,
} from '../../renderer/src/features/invoices/carrierChoice';
import { panelState, type PanelInput, type Wording } from '../../renderer/src/features/invoices/formMessages';

const domestic: CarrierView[] = listCarriers('domestic');
const international: CarrierView[] = listCarriers('international');
const validate: Validate = async (no, carrierId) => validateNumber(no, carrierId ?? undefined);
const w: Wording = { t: translator('en'), carrierName: (c) => carrierName(c, 'en') };

const LOTTE_OK = '241743423084';
const LOTTE_BAD = '353563075656'; // fails mod 7: Lotte refuses, CJ and Hanjin only warn
const UPS = '1Z999AA10123456784';

describe('preselected carrier', () => {
  const shipment = { warehouse: 'WH-ICN', region: 'domestic' as const };
  it('is the warehouse default, or the last one used when the station remembers', () => {
    const settings = { defaultCarriers: { 'WH-ICN': 'kr.lotte' as const }, rememberLastCarrier: false };
    expect(preselectedCarrier(settings, shipment, domestic, 'kr.hanjin')).toBe('kr.lotte');
    expect(preselectedCarrier({ ...settings, rememberLastCarrier: true }, shipment, domestic, 'kr.hanjin')).toBe(
      'kr.hanjin',
    );
    expect(preselectedCarrier({ ...settings, rememberLastCarrier: true }, shipment, domestic, null)).toBe('kr.lotte');
  });

  it('is none when the default does not serve the region, or nothing is set', () => {
    const settings = { defaultCarriers: { 'WH-ICN': 'us.ups' as const }, rememberLastCarrier: false };
    expect(preselectedCarrier(settings, shipment, domestic, null)).toBeNull();
    expect(preselectedCarrier(null, shipment, domestic, 'kr.lotte')).toBeNull();
  });
});

describe('choosing the carrier for a number', () => {
  const fits = (no: string, carriers = domestic) => regionCandidates(validateNumber(no), carriers);

  it('keeps the default when the number fits it among many', () => {
    expect(chooseCarrier(validateNumber(LOTTE_OK, 'kr.lotte'), fits(LOTTE_OK), 'kr.lotte')).toEqual({
      carrier: 'kr.lotte',
      baseRuledOut: false,
    });
  });

  it('drops the default its check digit rules out when several others fit', () => {
    expect(chooseCarrier(validateNumber(LOTTE_BAD, 'kr.lotte'), fits(LOTTE_BAD), 'kr.lotte')).toEqual({
      carrier: null,
      baseRuledOut: true,
    });
  });

  it('takes the only carrier that fits, over the default or with none', async () => {
    const withDefault = await decideCarrier(validate, {
      invoiceNo: UPS,
      base: 'kr.epost.ems',
      byHand: false,
      carriers: international,
    });
    expect(withDefault).toMatchObject({ carrier: 'us.ups', detected: true, ruledOut: { carrierId: 'kr.epost.ems' } });
    expect(withDefault.result.valid).toBe(true);
    const none = await decideCarrier(validate, { invoiceNo: UPS, base: null, byHand: false, carriers: international });
    expect(none).toMatchObject({ carrier: 'us.ups', detected: true, ruledOut: null });
  });

  it('leaves a carrier chosen by hand alone, even when the number does not fit it', async () => {
    const d = await decideCarrier(validate, {
      invoiceNo: LOTTE_BAD,
      base: 'kr.lotte',
      byHand: true,
      carriers: domestic,
    });
    expect(d).toMatchObject({ carrier: 'kr.lotte', ruledOut: null, detected: false });
    expect(d.result.valid).toBe(false);
  });
});

async function panelFor(invoiceNo: string, base: CarrierId | null, extra: Partial<PanelInput> = {}) {
  const decision = await decideCarrier(validate, { invoiceNo, base, byHand: false, carriers: domestic });
  return panelState(
    {
      mode: 'register',
      typed: invoiceNo,
      carriersLoaded: true,
      check: { state: 'done', decision, input: { invoiceNo, base, byHand: false } },
      refusal: null,
      armed: null,
      ...extra,
    },
    w,
  );
}

describe('the one message and the button', () => {
  it('with no carrier: says to choose one, names what fits, and blocks', async () => {
    const p = await panelFor(LOTTE_OK, null);
    expect(p.message?.text).toBe('Choose the carrier: this number fits CJ Logistics, Hanjin, Lotte and 8 more.');
    expect(p.button).toEqual({ label: 'Register', blocked: true, warning: false });
  });

  it('with the default refusing the number: says so, and blocks', async () => {
    const p = await panelFor(LOTTE_BAD, 'kr.lotte');
    expect(p.message?.kind).toBe('error');
    expect(p.message?.text).toMatch(/^Not a Lotte number: The check digit does not match: .+ Choose the carrier/);
    expect(p.about).toBe('carrier');
    expect(p.button.blocked).toBe(true);
  });

  it('with a warning: the warning, and a button that says it registers despite it', async () => {
    const p = await panelFor(LOTTE_BAD, 'kr.cjlogistics');
    expect(p.message?.kind).toBe('warning');
    expect(p.button).toEqual({ label: 'Register despite the warning', blocked: false, warning: true });
    const armed = await panelFor(LOTTE_BAD, 'kr.cjlogistics', { armed: LOTTE_BAD });
    expect(armed.message?.text).toMatch(/Press Enter again, or the button, to register despite the warning\.$/);
  });

  it('valid for the chosen carrier: what else fits, and what will be saved', async () => {
    const p = await panelFor('2417-4342-3084', 'kr.lotte');
    expect(p.message).toEqual({
      kind: 'ok',
      text: 'Valid Lotte number. CJ Logistics, Hanjin, Kyungdong and 7 more use numbers like this too. Will be saved as 241743423084.',
    });
    expect(p.button).toEqual({ label: 'Register', blocked: false, warning: false });
  });

  it('a refusal from Shipdesk comes first, and nothing typed blocks without a message', async () => {
    const refusal = { field: 'number' as const, message: { kind: 'error' as const, text: 'Already used.' } };
    const p = await panelFor(LOTTE_OK, 'kr.lotte', { refusal });
    expect(p).toMatchObject({ message: refusal.message, alert: true, button: { blocked: false } });
    const empty = panelState(
      { mode: 'modify', typed: '', carriersLoaded: true, check: { state: 'idle' }, refusal: null, armed: null },
      w,
    );
    expect(empty).toMatchObject({ message: null, button: { label: 'Save changes', blocked: true } });
  });
});
