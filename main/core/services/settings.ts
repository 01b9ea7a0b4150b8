// Settings: a small key/value table. Unknown keys are ignored; values are parsed, never cast.
import type { Settings } from '../../../shared/contract';
import { scannerFrameProblem } from '../../../shared/scannerFrame';
import type { ServiceContext } from './context';

const DEFAULTS: Settings & { homeTimeZone: string } = {
  operatorName: '',
  homeCountry: 'KR',
  language: 'system',
  scannerPrefix: '',
  scannerSuffix: '',
  homeTimeZone: 'Asia/Seoul',
};

export type StoredSettings = typeof DEFAULTS;

export function readSettings(ctx: ServiceContext): StoredSettings {
  const rows = ctx.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const out = { ...DEFAULTS };
  for (const { key, value } of rows) {
    if (key === 'operatorName' || key === 'homeCountry' || key === 'homeTimeZone') out[key] = value;
    if (key === 'language' && (value === 'ko' || value === 'en' || value === 'system')) out.language = value;
    if ((key === 'scannerPrefix' || key === 'scannerSuffix') && scannerFrameProblem(value) === null) out[key] = value;
  }
  return out;
}

export function updateSettings(ctx: ServiceContext, patch: Partial<StoredSettings>): StoredSettings {
  const upsert = ctx.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  ctx.db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, String(value));
    }
  })();
  return readSettings(ctx);
}

export function publicSettings(s: StoredSettings): Settings {
  return {
    operatorName: s.operatorName,
    homeCountry: s.homeCountry,
    language: s.language,
    scannerPrefix: s.scannerPrefix,
    scannerSuffix: s.scannerSuffix,
  };
}
