// What a log line may not carry: a recipient's phone number, address or name, and secrets. Fields are
// redacted by key (anywhere in nested objects); phone numbers written with separators are also masked
// inside free text, since a carrier's event text can quote the driver's or the buyer's number.

export const REDACTED = '[redacted]';

/** Keys whose values never reach a log, matched case-insensitively on the key without - and _. */
const PRIVATE_KEY =
  /phone|mobile|tel$|^tel|fax|address|addr$|^addr|line1|line2|postal|zipcode|recipient|buyer|receiver|memo|shippingrequest|secret|password|token|apikey|trackerkey|authorization|cookie/;

/** 010-1234-5678, 02 123 4567, +82-10-1234-5678, (031) 123-4567: digits in groups with separators. */
const PHONE_IN_TEXT = /(?<!\d)(?:\+\d{1,3}[-.\s]?)?\(?\d{2,4}\)?[-.\s]\d{3,4}[-.\s]\d{4}(?!\d)/g;

const MAX_DEPTH = 6;
const MAX_STRING = 4_000;

export function isPrivateKey(key: string): boolean {
  return PRIVATE_KEY.test(key.toLowerCase().replace(/[-_\s]/g, ''));
}

export function maskPhones(text: string): string {
  return text.replace(PHONE_IN_TEXT, REDACTED);
}

function errorFields(err: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: maskPhones(err.message) };
  if (err.stack) out['stack'] = maskPhones(err.stack);
  const code = Reflect.get(err, 'code');
  if (typeof code === 'string' || typeof code === 'number') out['code'] = code;
  if (err.cause !== undefined) out['cause'] = redactValue(err.cause, depth + 1);
  return out;
}

/** A copy of `value` fit for a log line: private keys redacted, phones masked, errors spelled out. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return maskPhones(value.length > MAX_STRING ? value.slice(0, MAX_STRING) + '…' : value);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : typeof value === 'function' ? '[function]' : value;
  }
  if (depth >= MAX_DEPTH) return '[nested]';
  if (value instanceof Error) return errorFields(value, depth);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = isPrivateKey(key) ? REDACTED : redactValue(v, depth + 1);
  return out;
}
