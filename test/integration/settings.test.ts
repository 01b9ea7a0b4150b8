// The station's settings through the dispatcher: what scripts may set, what is refused and why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';
import { startTestCore, type TestCore } from '../support/core';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

describe('scanner prefix and suffix', () => {
  it('start empty, keep control characters as themselves, and can be cleared', async () => {
    expect(await core.ok('settings.get', {})).toMatchObject({ scannerPrefix: '', scannerSuffix: '' });
    const saved = await core.ok('settings.update', { scannerPrefix: '\u0002', scannerSuffix: ']C1\u0003' });
    expect(saved).toMatchObject({ scannerPrefix: '\u0002', scannerSuffix: ']C1\u0003' });
    expect(await core.ok('settings.get', {})).toMatchObject({ scannerPrefix: '\u0002', scannerSuffix: ']C1\u0003' });
    expect(await core.ok('settings.update', { scannerPrefix: '' })).toMatchObject({
      scannerPrefix: '',
      scannerSuffix: ']C1\u0003',
    });
  });

  it('refuses what a scanner cannot send as a prefix, saying which characters may be used', async () => {
    for (const bad of ['\r', '\t', 'two words', '가나', '\u001b', 'x'.repeat(11)]) {
      const res = await core.call('settings.update', { scannerPrefix: bad });
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('INVALID_INPUT');
      expect(res.error.message).toMatch(/scannerPrefix: (printable ASCII|at most 10)/);
    }
    expect(await core.ok('settings.get', {})).toMatchObject({ scannerPrefix: '' });
  });
});

describe('default carrier per warehouse, and remembering the last carrier', () => {
  it('sets, replaces and removes (null) a warehouse default; settings.get returns only those set', async () => {
    expect(await core.ok('settings.get', {})).toMatchObject({ defaultCarriers: {}, rememberLastCarrier: false });
    await core.ok('settings.update', { defaultCarriers: { 'WH-ICN': 'kr.lotte', 'WH-PUS': 'kr.cjlogistics' } });
    await core.ok('settings.update', { defaultCarriers: { 'WH-PUS': 'kr.hanjin', 'WH-OVS': 'us.ups' } });
    expect((await core.ok('settings.get', {})).defaultCarriers).toEqual({
      'WH-ICN': 'kr.lotte',
      'WH-PUS': 'kr.hanjin',
      'WH-OVS': 'us.ups',
    });
    const after = await core.ok('settings.update', { defaultCarriers: { 'WH-PUS': null }, rememberLastCarrier: true });
    expect(after.defaultCarriers).toEqual({ 'WH-ICN': 'kr.lotte', 'WH-OVS': 'us.ups' });
    expect(after.rememberLastCarrier).toBe(true);
  });

  it('refuses an unknown warehouse or carrier with a message that says what exists, and saves nothing', async () => {
    await core.ok('settings.update', { defaultCarriers: { 'WH-ICN': 'kr.lotte' } });
    const warehouse = await core.call('settings.update', {
      defaultCarriers: { 'WH-ICN': null, 'WH-NOPE': 'kr.lotte' },
      rememberLastCarrier: true,
    });
    expect(warehouse.ok).toBe(false);
    if (!warehouse.ok) {
      expect(warehouse.error.code).toBe('INVALID_INPUT');
      expect(warehouse.error.message).toBe(
        'There is no warehouse "WH-NOPE", so it cannot have a default carrier. The warehouses are: WH-ICN, WH-OVS, WH-PUS.',
      );
    }
    // As a script would send it: the input is not checked by TypeScript on the way in.
    const carrier = await core.dispatch(
      'settings.update',
      { defaultCarriers: { 'WH-ICN': 'kr.pigeon' } },
      { operator: 'kim', via: 'api' },
    );
    expect(carrier.ok).toBe(false);
    if (!carrier.ok) {
      expect(carrier.error.code).toBe('INVALID_INPUT');
      expect(carrier.error.message).toContain('"kr.pigeon" is not a carrier Shipdesk knows (see carriers.list)');
    }
    // The refused update changed nothing, not even the parts that were valid.
    expect(await core.ok('settings.get', {})).toMatchObject({
      defaultCarriers: { 'WH-ICN': 'kr.lotte' },
      rememberLastCarrier: false,
    });
  });
});

describe('the operator history records', () => {
  let serial = 40;
  /** Registers a fresh shipment as a call naming `operator` ('' names no one); who the history records. */
  const registeredBy = async (operator: string) => {
    const [no] = seedShipments(core.db, [{}]);
    const invoiceNo = lotteNumber(serial++);
    const res = await core.call('invoices.register', { shipmentNo: no!, carrierId: 'kr.lotte', invoiceNo }, operator);
    expect(res.ok).toBe(true);
    return (await core.ok('invoices.history', { shipmentNo: no! }))[0]?.operator;
  };

  it('is the name in Settings, not the computer user; a name given at start-up wins; settings.get says which', async () => {
    const computer = startTestCore({ defaultOperator: 'root' });
    try {
      const get = (operator: string) => computer.dispatch('settings.get', {}, { operator, via: 'manual' });
      expect(await get('')).toMatchObject({ ok: true, value: { operator: { name: 'root', from: 'computer' } } });
      await computer.dispatch('settings.update', { operatorName: '김포장' }, { operator: '', via: 'manual' });
      expect(await get('')).toMatchObject({
        ok: true,
        value: { operatorName: '김포장', operator: { name: '김포장', from: 'settings' } },
      });
      expect(await get('park')).toMatchObject({ ok: true, value: { operator: { name: 'park', from: 'startup' } } });
    } finally {
      computer.cleanup();
    }
    await core.ok('settings.update', { operatorName: '이출고' });
    expect(await registeredBy('')).toBe('이출고');
    expect(await registeredBy('park')).toBe('park');
  });
});
