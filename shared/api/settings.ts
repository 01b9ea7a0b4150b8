// Station settings: who works here, the home country, the language, the carrier each warehouse
// ships with, and the scanner's prefix/suffix.
import { z } from 'zod';
import { CARRIER_IDS, type CarrierId } from '../carriers';
import { SCANNER_FRAME_MAX, SCANNER_FRAME_PATTERN } from '../scannerFrame';
import { method, text } from './common';

/**
 * Who history records for calls from this screen: the name given at start-up (the web host's or the
 * command line's --operator), else the operator name in settings, else the computer's user.
 */
export interface ActingOperator {
  name: string;
  from: 'startup' | 'settings' | 'computer';
}

export interface Settings {
  /** The name set in Settings ('' when none). */
  operatorName: string;
  /** Read-only: who is acting for the caller now (see ActingOperator). */
  operator: ActingOperator;
  homeCountry: string;
  language: 'ko' | 'en' | 'system';
  /** The carrier the invoice dialog preselects, per warehouse code (warehouses without one are absent). */
  defaultCarriers: Partial<Record<string, CarrierId>>;
  /** Preselect the carrier this station used last (per region) instead of the warehouse's default. */
  rememberLastCarrier: boolean;
  /** Sent by the scanner before every code ('' = none); see shared/scannerFrame.ts for the characters. */
  scannerPrefix: string;
  /** Sent by the scanner after every code, before its Enter ('' = none). */
  scannerSuffix: string;
  /** The zone the desk's days are counted in (order-date filters, presets, the grid's dates); read-only here. */
  homeTimeZone: string;
}

/** A scanner prefix or suffix: the characters themselves (a control character as "\u0002" in JSON). */
const scannerFrame = z
  .string()
  .max(SCANNER_FRAME_MAX, `at most ${SCANNER_FRAME_MAX} characters`)
  .regex(
    SCANNER_FRAME_PATTERN,
    'printable ASCII without spaces, or control characters U+0001 to U+001F other than Backspace, Tab, line feed, carriage return and Escape',
  );

/** Warehouse code -> carrier id, or null to remove that warehouse's default. */
const defaultCarriers = z.record(
  text(40).min(1, 'a warehouse code is required'),
  z
    .enum(CARRIER_IDS, {
      error: (issue) => `"${String(issue.input)}" is not a carrier Shipdesk knows (see carriers.list)`,
    })
    .nullable(),
);

export const settingsMethods = {
  'settings.get': method<Settings>('read')(z.strictObject({})),
  'settings.update': method<Settings>('queued')(
    z.strictObject({
      /** '' removes the name: history then records the computer's user. */
      operatorName: text(80).trim().optional(),
      homeCountry: z
        .string()
        .regex(/^[A-Z]{2}$/, 'a two-letter ISO country code, e.g. KR')
        .optional(),
      language: z.enum(['ko', 'en', 'system']).optional(),
      defaultCarriers: defaultCarriers.optional(),
      rememberLastCarrier: z.boolean().optional(),
      scannerPrefix: scannerFrame.optional(),
      scannerSuffix: scannerFrame.optional(),
    }),
  ),
} as const;
