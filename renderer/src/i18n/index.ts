// Language: the operator's choice from settings, else the system's (Korean for ko-*, English otherwise).
// Every visible string goes through t(). The last choice is remembered locally so the first paint
// after a restart is already in the right language, before settings arrive.
import { create } from 'zustand';
import type { ErrorCode } from '../../../shared/errors';
import { en, ko, type MessageKey } from './messages';

export type Language = 'ko' | 'en';
export type LanguageChoice = Language | 'system';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const REMEMBERED = 'shipdesk.language';

export function detectLanguage(tag: string | undefined = globalThis.navigator?.language): Language {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, ko };

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  const numbers = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-US');
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
    });
}

function rememberedChoice(): LanguageChoice {
  try {
    const value = globalThis.localStorage?.getItem(REMEMBERED);
    return value === 'ko' || value === 'en' ? value : 'system';
  } catch {
    return 'system'; // storage may be off; the system language is a fine start
  }
}

const resolve = (choice: LanguageChoice): Language => (choice === 'system' ? detectLanguage() : choice);

interface LanguageState {
  choice: LanguageChoice;
  language: Language;
  t: Translate;
  choose(choice: LanguageChoice): void;
}

export const useLanguage = create<LanguageState>((set) => {
  const choice = rememberedChoice();
  const language = resolve(choice);
  return {
    choice,
    language,
    t: translator(language),
    choose: (next) => {
      try {
        globalThis.localStorage?.setItem(REMEMBERED, next);
      } catch {
        // not remembered: the settings still hold it
      }
      const language = resolve(next);
      set({ choice: next, language, t: translator(language) });
    },
  };
});

export function useT(): Translate {
  return useLanguage((s) => s.t);
}

const ERROR_KEYS: Partial<Record<ErrorCode, MessageKey>> = {
  INVALID_INPUT: 'error.INVALID_INPUT',
  NOT_FOUND: 'error.NOT_FOUND',
  INVALID_INVOICE_NUMBER: 'error.INVALID_INVOICE_NUMBER',
  UNKNOWN_CARRIER: 'error.UNKNOWN_CARRIER',
  CARRIER_NOT_FOR_REGION: 'error.CARRIER_NOT_FOR_REGION',
  DUPLICATE_INVOICE: 'error.DUPLICATE_INVOICE',
  INVALID_STATE: 'error.INVALID_STATE',
  ADDRESS_LOCKED: 'error.ADDRESS_LOCKED',
  OFFLINE: 'error.OFFLINE',
  FILE_ENCRYPTED: 'error.FILE_ENCRYPTED',
  FILE_NOT_XLSX: 'error.FILE_NOT_XLSX',
  FILE_NOT_SPREADSHEET: 'error.FILE_NOT_SPREADSHEET',
  FILE_TOO_LARGE: 'error.FILE_TOO_LARGE',
  FILE_NOT_REGULAR: 'error.FILE_NOT_REGULAR',
  FILE_UNSAFE: 'error.FILE_UNSAFE',
  FILE_DAMAGED: 'error.FILE_DAMAGED',
  TOO_MANY_ROWS: 'error.TOO_MANY_ROWS',
  HEADER_MISMATCH: 'error.HEADER_MISMATCH',
  FILE_PASSWORD_WRONG: 'error.FILE_PASSWORD_WRONG',
  PROFILE_UNKNOWN: 'error.PROFILE_UNKNOWN',
  SHIPMENT_NO_TAKEN: 'error.SHIPMENT_NO_TAKEN',
};

/** A headline in the operator's language for an error code; the core's sentence follows as detail. */
export function errorHeadline(t: Translate, code: ErrorCode): string {
  return t(ERROR_KEYS[code] ?? 'error.other');
}
