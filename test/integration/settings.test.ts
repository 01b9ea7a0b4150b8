// The station's settings through the dispatcher: what scripts may set, what is refused and why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedFacets } from '../support/seed';
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
