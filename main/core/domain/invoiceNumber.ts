// PLACEHOLDER: being replaced by the carrier-rules work (normalise, format, check digit, auto-detect).
import type { CarrierId } from '../../../shared/carriers';
import type { ValidationResult } from '../../../shared/contract';

export function normalizeInvoiceNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function validateInvoiceNumber(raw: string, carrierId?: CarrierId): ValidationResult {
  const normalized = normalizeInvoiceNumber(raw);
  const ok = /^[0-9A-Z]{6,40}$/.test(normalized);
  return { valid: ok, normalized, errors: ok ? [] : ['not a tracking number'], warnings: [], candidates: carrierId ? [carrierId] : [] };
}
