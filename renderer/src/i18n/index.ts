// Language: Korean for a ko-* browser or system, English otherwise. Every visible string goes through t().
import { create } from 'zustand';
import type { ErrorCode } from '../../../shared/errors';
import { en, ko, type MessageKey } from './messages';

export type Language = 'ko' | 'en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function detectLanguage(tag: string | undefined = globalThis.navigator?.language): Language {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, ko };

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      return value === undefined ? whole : typeof value === 'number' ? value.toLocaleString(language) : value;
    });
}

interface LanguageState {
  language: Language;
  t: Translate;
  setLanguage(language: Language): void;
}

export const useLanguage = create<LanguageState>((set) => {
  const language = detectLanguage();
  return {
    language,
    t: translator(language),
    setLanguage: (next) => set({ language: next, t: translator(next) }),
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
};

/** A headline in the operator's language for an error code; the core's sentence follows as detail. */
export function errorHeadline(t: Translate, code: ErrorCode): string {
  return t(ERROR_KEYS[code] ?? 'error.other');
}

/** Order dates as YYYY-MM-DD HH:mm in this computer's time zone: dense and the same in both languages. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
