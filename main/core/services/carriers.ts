// The carrier choices for a region, and number validation for the invoice field.
import type { CarrierView, ValidationResult } from '../../../shared/api/contract';
import { CARRIERS, type CarrierId } from '../../../shared/carriers';
import type { Region } from '../../../shared/domain';
import { validateInvoiceNumber } from '../domain/invoiceNumber';

export function listCarriers(region?: Region): CarrierView[] {
  return CARRIERS.filter((c) => !region || c.region === region).map(({ id, nameKo, nameEn, region: r }) => ({
    id,
    nameKo,
    nameEn,
    region: r,
  }));
}

export function validateNumber(invoiceNo: string, carrierId?: CarrierId): ValidationResult {
  return validateInvoiceNumber(invoiceNo, carrierId);
}
