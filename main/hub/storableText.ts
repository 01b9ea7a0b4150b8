// Text PostgreSQL cannot store: a NUL (text and jsonb refuse U+0000) and a lone UTF-16 surrogate
// (not a character; jsonb refuses its escape). A station's operation carrying either is refused alone,
// with the field named, instead of failing the whole batch (docs/HUB.md, "Operations"). Stations
// already refuse both at entry (shared/textRule.ts); the hub only guards what it cannot keep, so an
// older station's other control characters still pass.
import { hasLoneSurrogate } from '../../shared/textRule';

export interface UnstorableText {
  /** Where, as `payload.shipments.0.memo`. */
  field: string;
  /** What, in words. */
  what: string;
}

/** The first string in `value` (walked depth first) that PostgreSQL cannot store, or null. */
export function unstorableText(value: unknown, at: string[] = []): UnstorableText | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { field: at.join('.'), what: 'a NUL character (U+0000)' };
    if (hasLoneSurrogate(value)) return { field: at.join('.'), what: 'a lone surrogate (half of a character)' };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], [...at, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const found = unstorableText(v, [...at, k]);
      if (found) return found;
    }
  }
  return null;
}
