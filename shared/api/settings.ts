// Station settings: who works here, the home country, the language, the scanner's prefix/suffix.
import { z } from 'zod';
import { SCANNER_FRAME_MAX, SCANNER_FRAME_PATTERN } from '../scannerFrame';
import { method, text } from './common';

export interface Settings {
  operatorName: string;
  homeCountry: string;
  language: 'ko' | 'en' | 'system';
  /** Sent by the scanner before every code ('' = none); see shared/scannerFrame.ts for the characters. */
  scannerPrefix: string;
  /** Sent by the scanner after every code, before its Enter ('' = none). */
  scannerSuffix: string;
}

/** A scanner prefix or suffix: the characters themselves (a control character as "\u0002" in JSON). */
const scannerFrame = z
  .string()
  .max(SCANNER_FRAME_MAX, `at most ${SCANNER_FRAME_MAX} characters`)
  .regex(
    SCANNER_FRAME_PATTERN,
    'printable ASCII without spaces, or control characters U+0001 to U+001F other than Backspace, Tab, line feed, carriage return and Escape',
  );

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
      scannerPrefix: scannerFrame.optional(),
      scannerSuffix: scannerFrame.optional(),
    }),
  ),
} as const;
