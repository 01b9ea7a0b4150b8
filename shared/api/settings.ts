// Station settings: who works here, the home country, the language.
import { z } from 'zod';
import { method, text } from './common';

export interface Settings {
  operatorName: string;
  homeCountry: string;
  language: 'ko' | 'en' | 'system';
  /** The zone the desk's days are counted in (order-date filters, presets, the grid's dates); read-only here. */
  homeTimeZone: string;
}

export const settingsMethods = {
  'settings.get': method<Settings>()(z.strictObject({})),
  'settings.update': method<Settings>()(
    z.strictObject({
      operatorName: text(80).min(1, 'the operator name cannot be empty').optional(),
      homeCountry: z
        .string()
        .regex(/^[A-Z]{2}$/, 'a two-letter ISO country code, e.g. KR')
        .optional(),
      language: z.enum(['ko', 'en', 'system']).optional(),
    }),
  ),
} as const;
