// A carrier's name in the operator's language (an unknown id is shown as it is).
import { findCarrier } from '../../../shared/carriers';
import type { Language } from './index';

export function carrierName(id: string | null, language: Language): string {
  if (!id) return '';
  const carrier = findCarrier(id);
  if (!carrier) return id;
  return language === 'ko' ? carrier.nameKo : carrier.nameEn;
}
