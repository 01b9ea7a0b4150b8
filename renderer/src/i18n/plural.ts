// Counted messages in the right grammatical number: "1 row", "2 rows" (Korean has one form).
// A counted message has one key per Intl.PluralRules category the languages use, `.one` and
// `.other`; `plural()` picks the one the count needs and fills in {n}.
import type { Language, Translate } from './index';
import type { MessageKey } from './messages';

/** A message base that has both `.one` and `.other` forms. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

const rules = new Map<Language, Intl.PluralRules>();

function rulesFor(language: Language): Intl.PluralRules {
  let r = rules.get(language);
  if (!r) {
    r = new Intl.PluralRules(language === 'ko' ? 'ko-KR' : 'en-US');
    rules.set(language, r);
  }
  return r;
}

export function plural(
  t: Translate,
  language: Language,
  key: PluralKey,
  n: number,
  values: Record<string, string | number> = {},
): string {
  const form = rulesFor(language).select(n) === 'one' ? 'one' : 'other';
  const full: MessageKey = `${key}.${form}`;
  return t(full, { n, ...values });
}
