// The Settings form: what it refuses next to which field, and the patch it sends (only what changed).
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/api/contract';
import { writeControls } from '../../shared/scannerFrame';
import { translator } from '../../renderer/src/i18n';
import { judgeTestScan } from '../../renderer/src/features/settings/scanTest';
import { draftFrom, draftProblems, fieldOf, patchFrom } from '../../renderer/src/features/settings/settingsDraft';

const saved: Settings = {
  operatorName: 'kim',
  operator: { name: 'kim', from: 'settings' },
  homeCountry: 'KR',
  homeTimeZone: 'Asia/Seoul',
  language: 'system',
  defaultCarriers: { 'WH-ICN': 'kr.lotte' },
  rememberLastCarrier: false,
  scannerPrefix: '\u0002',
  scannerSuffix: '',
};
const warehouses = [
  { code: 'WH-ICN', name: '인천' },
  { code: 'WH-PUS', name: '부산' },
];
const t = translator('en');

describe('the settings draft', () => {
  it('shows control characters by name and sends nothing when nothing changed', () => {
    const d = draftFrom(saved, warehouses, writeControls);
    expect(d).toEqual({
      operatorName: 'kim',
      defaults: { 'WH-ICN': 'kr.lotte', 'WH-PUS': '' },
      rememberLastCarrier: false,
      scannerPrefix: '<STX>',
      scannerSuffix: '',
    });
    expect(patchFrom(d, saved)).toEqual({});
  });

  it('sends only what changed; a default set to none is sent as null', () => {
    const d = draftFrom(saved, warehouses, writeControls);
    const patch = patchFrom(
      { ...d, operatorName: ' 이출고 ', defaults: { 'WH-ICN': '', 'WH-PUS': 'kr.hanjin' }, scannerSuffix: '<ETX>' },
      saved,
    );
    expect(patch).toEqual({
      operatorName: '이출고',
      defaultCarriers: { 'WH-ICN': null, 'WH-PUS': 'kr.hanjin' },
      scannerSuffix: '\u0003',
    });
  });

  it('says what is wrong with a prefix or suffix, next to that field', () => {
    const d = draftFrom(saved, warehouses, writeControls);
    expect(draftProblems({ ...d, scannerPrefix: '<STXX>', scannerSuffix: 'a b' }, t)).toEqual({
      scannerPrefix: '<STXX> is not a control character name: use names like <STX>, <ETX>, <GS>.',
      scannerSuffix:
        'Use letters, digits and symbols without spaces, or control characters like <STX> (not Backspace, Tab, Enter or Escape).',
    });
    expect(draftProblems({ ...d, scannerPrefix: '<CR>' }, t).scannerPrefix).toMatch(/not Backspace, Tab, Enter/);
    expect(draftProblems({ ...d, scannerPrefix: 'ABCDEFGHIJK' }, t).scannerPrefix).toBe('At most 10 characters.');
    expect(draftProblems({ ...d, scannerPrefix: '<LT>#' }, t)).toEqual({});
  });

  it('places a refusal from Shipdesk on its field', () => {
    expect(fieldOf({ issues: [{ path: ['scannerSuffix'], message: 'x' }] })).toBe('scannerSuffix');
    expect(fieldOf({ unknownWarehouses: ['WH-X'] })).toBe('defaultCarriers');
    expect(fieldOf({ issues: [{ path: ['somethingElse'], message: 'x' }] })).toBeNull();
    expect(fieldOf(undefined)).toBeNull();
  });
});

describe('scan here to test', () => {
  it('finds the prefix and suffix and the code between them', () => {
    expect(judgeTestScan('', '\u0002', '')).toEqual({ kind: 'nothing' });
    expect(judgeTestScan('SD1\r', '', '')).toEqual({ kind: 'unframed' });
    expect(judgeTestScan('\u0002SD1\u0003\r', '\u0002', '\u0003')).toEqual({ kind: 'framed', code: 'SD1' });
    expect(judgeTestScan('SD1\u0003\r', '\u0002', '\u0003')).toEqual({ kind: 'missing', prefix: true, suffix: false });
    expect(judgeTestScan('SD1\r', '\u0002', '\u0003')).toEqual({ kind: 'missing', prefix: true, suffix: true });
  });
});
