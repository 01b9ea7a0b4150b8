// Settings: a small key/value table. Unknown keys are ignored; values are parsed, never cast.
// A warehouse's default carrier is one row, "defaultCarrier.<warehouse code>".
import { CARRIER_IDS, type CarrierId } from '../../../shared/carriers';
import type { ActingOperator, MethodParsed, Settings } from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import { DEFAULT_HOME_TIME_ZONE } from '../../../shared/days';
import { scannerFrameProblem } from '../../../shared/scannerFrame';
import { z } from 'zod';
import { rowReader } from '../db/rows';
import type { ServiceContext } from './context';

const DEFAULT_CARRIER_KEY = 'defaultCarrier.';

const storedSetting = rowReader('stored setting', z.object({ key: z.string(), value: z.string() }));
const settingValue = rowReader('setting value', z.object({ value: z.string() }));
const warehouseCode = rowReader('warehouse code', z.object({ code: z.string() }));

export type StoredSettings = Omit<Settings, 'operator'> & { homeTimeZone: string };

const defaults = (): StoredSettings => ({
  operatorName: '',
  homeCountry: 'KR',
  language: 'system',
  defaultCarriers: {},
  rememberLastCarrier: false,
  scannerPrefix: '',
  scannerSuffix: '',
  homeTimeZone: DEFAULT_HOME_TIME_ZONE,
});

const knownCarrier = (value: string): CarrierId | undefined => CARRIER_IDS.find((id) => id === value);

export function readSettings(ctx: ServiceContext): StoredSettings {
  const rows = storedSetting.all(ctx.prepare('SELECT key, value FROM settings').all());
  const out = defaults();
  for (const { key, value } of rows) {
    if (key === 'operatorName' || key === 'homeCountry' || key === 'homeTimeZone') out[key] = value;
    else if (key === 'language' && (value === 'ko' || value === 'en' || value === 'system')) out.language = value;
    else if (key === 'rememberLastCarrier') out.rememberLastCarrier = value === 'true';
    else if ((key === 'scannerPrefix' || key === 'scannerSuffix') && scannerFrameProblem(value) === null)
      out[key] = value;
    else if (key.startsWith(DEFAULT_CARRIER_KEY)) {
      const carrier = knownCarrier(value);
      if (carrier) out.defaultCarriers[key.slice(DEFAULT_CARRIER_KEY.length)] = carrier;
    }
  }
  return out;
}

export type SettingsPatch = MethodParsed<'settings.update'>;

/** Every warehouse named must exist; the message lists the ones that do. */
function checkWarehouses(ctx: ServiceContext, codes: string[]): void {
  if (codes.length === 0) return;
  const known = warehouseCode.all(ctx.prepare('SELECT code FROM warehouses ORDER BY code').all()).map((r) => r.code);
  const unknown = codes.filter((c) => !known.includes(c));
  if (unknown.length > 0) {
    throw new ShipdeskError(
      'INVALID_INPUT',
      `There is no warehouse ${unknown.map((c) => `"${c}"`).join(', ')}, so it cannot have a default carrier. ` +
        `The warehouses are: ${known.join(', ') || 'none yet'}.`,
      { unknownWarehouses: unknown },
    );
  }
}

export function updateSettings(ctx: ServiceContext, patch: SettingsPatch): StoredSettings {
  const upsert = ctx.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const remove = ctx.prepare('DELETE FROM settings WHERE key = ?');
  const { defaultCarriers, ...plain } = patch;
  ctx.db.transaction(() => {
    for (const [key, value] of Object.entries(plain)) {
      if (value !== undefined) upsert.run(key, String(value));
    }
    if (defaultCarriers) {
      checkWarehouses(ctx, Object.keys(defaultCarriers));
      for (const [warehouse, carrier] of Object.entries(defaultCarriers)) {
        if (carrier === null || carrier === undefined) remove.run(DEFAULT_CARRIER_KEY + warehouse);
        else upsert.run(DEFAULT_CARRIER_KEY + warehouse, carrier);
      }
    }
  })();
  return readSettings(ctx);
}

/** Who acts for a call: the name it brings (--operator at start-up), else the settings', else the computer's user. */
export function actingOperator(s: StoredSettings, fromCall: string, computerUser: string): ActingOperator {
  if (fromCall) return { name: fromCall, from: 'startup' };
  if (s.operatorName) return { name: s.operatorName, from: 'settings' };
  return { name: computerUser, from: 'computer' };
}

export function publicSettings(s: StoredSettings, operator: ActingOperator): Settings {
  return {
    operatorName: s.operatorName,
    operator,
    homeCountry: s.homeCountry,
    language: s.language,
    defaultCarriers: s.defaultCarriers,
    rememberLastCarrier: s.rememberLastCarrier,
    homeTimeZone: s.homeTimeZone,
    scannerPrefix: s.scannerPrefix,
    scannerSuffix: s.scannerSuffix,
  };
}

/** A setting outside the screen's Settings (backups, retention); null when never set. */
export function readStoredSetting(ctx: ServiceContext, key: string): string | null {
  const row = settingValue.one(ctx.prepare('SELECT value FROM settings WHERE key = ?').get(key));
  return row?.value ?? null;
}

export function writeStoredSetting(ctx: ServiceContext, key: string, value: string | null): void {
  if (value === null) ctx.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else
    ctx
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
}
