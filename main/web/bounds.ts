// Work per request is bounded before the request is parsed whole: a body of a million keys once held
// the host for 11 s (JSON.parse, then a strict schema naming every unknown key) and stalled every
// other screen. One linear pass over the text counts nesting and values outside strings and stops at
// the first limit passed; only the Excel upload may be large, and it is one long string.
const KiB = 1024;

export const REQUEST_LIMITS = {
  /** Every method but the upload: a grid query or a registration is well under a few KiB. */
  maxBytes: 256 * KiB,
  /** Objects and arrays inside each other. */
  maxDepth: 16,
  /** Keys and array items together (a sync.refresh of 500 shipments is ~500). */
  maxValues: 2_000,
} as const;

/** Methods whose input carries a file (base64 in one string); their size cap is the transport's. */
const UPLOAD_METHODS = new Set(['imports.preview', 'orders.preview']);

/** Null when `text` is within the limits for `method`, else a sentence saying which limit it passed. */
export function boundsProblem(method: string | null, text: string): string | null {
  if ((method === null || !UPLOAD_METHODS.has(method)) && text.length > REQUEST_LIMITS.maxBytes) {
    return `The request is larger than ${REQUEST_LIMITS.maxBytes / KiB} KiB; only a file upload may be that large.`;
  }
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > REQUEST_LIMITS.maxDepth)
        return `The request nests deeper than ${REQUEST_LIMITS.maxDepth} levels; no Shipdesk method takes that.`;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c || c === 0x3a) {
      if (++values > REQUEST_LIMITS.maxValues)
        return `The request holds more than ${REQUEST_LIMITS.maxValues} values; no Shipdesk method takes that many.`;
    }
  }
  return null;
}

/** The end of the JSON string that opens at `start` (the index of its closing quote), or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * The method of a socket frame: its own top-level "method", found without parsing it (bounds come
 * before the parse). A "method" inside the input does not count, so nesting `"method":"orders.preview"`
 * cannot lift the size cap; a frame whose top-level methods disagree, or that spells a key with an
 * escape (JSON.parse would read `"m\u0065thod"` as "method"), gets no method and so the small cap.
 */
export function frameMethod(text: string): string | null {
  let depth = 0;
  let found: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end < 0) return null;
      if (depth === 1) {
        const raw = text.slice(i + 1, end);
        let next = skipSpace(text, end + 1);
        if (text[next] === ':') {
          if (raw.includes('\\')) return null;
          if (raw === 'method') {
            next = skipSpace(text, next + 1);
            if (text[next] !== '"') return null;
            const valueEnd = stringEnd(text, next);
            const value = valueEnd < 0 ? '' : text.slice(next + 1, valueEnd);
            if (!value || value.includes('\\') || (found !== null && found !== value)) return null;
            found = value;
            i = valueEnd;
            continue;
          }
        }
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return found;
}

/** Whether a frame of this size may carry this method: what the parse found must be what bounds assumed. */
export function sizeFitsMethod(method: string, text: string): boolean {
  return UPLOAD_METHODS.has(method) || text.length <= REQUEST_LIMITS.maxBytes;
}
