// sampleInvoiceNumber, a million times. The domain function re-runs every format's pattern and the
// full validator per call (several µs). Here each carrier's sample layout is read once from the
// same rules (head, zero-padded serial, check-digit slot, tail) and only the check digit is
// computed per number. Each layout is checked against sampleInvoiceNumber before use (a carrier it
// cannot express falls back to the domain function) and again every 4096th serial.
import type { CarrierId } from '../../../shared/carriers';
import { carrierRule } from '../domain/carrierRules';
import { expectedCheckDigit, type ChecksumSpec } from '../domain/checkDigits';
import { sampleInvoiceNumber } from '../domain/invoiceNumber';

interface Layout {
  head: string;
  width: number;
  tail: string;
  limit: number;
  /** Absent when no checksummed format takes the number (e.g. Korea Post). */
  check?: { spec: ChecksumSpec; serialFrom: number; serialTo: number; at: number };
}

function derive(carrierId: CarrierId): Layout | null {
  const { head, width, tail = '' } = carrierRule(carrierId).sample;
  const slotted = `${head}${'0'.repeat(width)}0${tail}`;
  const layout: Layout = { head, width, tail, limit: 10 ** width - 1 };
  for (const format of carrierRule(carrierId).formats) {
    if (!format.checksum) continue;
    const m = format.pattern.exec(slotted);
    if (!m) continue;
    const country = m.groups?.['country'];
    if (format.countries && country !== undefined && !format.countries.has(country)) continue;
    const serial = m.indices?.groups?.['serial'];
    const check = m.indices?.groups?.['check'];
    if (!serial || !check) return null;
    layout.check = { spec: format.checksum, serialFrom: serial[0], serialTo: serial[1], at: check[0] };
    break;
  }
  return layout;
}

function build(l: Layout, serial: number): string {
  const digits = String(serial).padStart(l.width, '0');
  if (!l.check) return l.head + digits + l.tail;
  const slotted = `${l.head}${digits}0${l.tail}`;
  const { spec, serialFrom, serialTo, at } = l.check;
  const digit = expectedCheckDigit(spec, slotted.slice(serialFrom, serialTo));
  return slotted.slice(0, at) + String(digit) + slotted.slice(at + 1);
}

export class SampleNumbers {
  private readonly layouts = new Map<CarrierId, Layout | null>();

  private layout(carrierId: CarrierId): Layout | null {
    let l = this.layouts.get(carrierId);
    if (l === undefined) {
      l = derive(carrierId);
      for (const s of [0, 1, 7, 12_345, 99_999_999]) {
        if (l && (s > l.limit || build(l, s) !== sampleInvoiceNumber(carrierId, s))) l = null;
      }
      this.layouts.set(carrierId, l);
    }
    return l;
  }

  /** Equal to sampleInvoiceNumber(carrierId, serial). */
  number(carrierId: CarrierId, serial: number): string {
    const l = this.layout(carrierId);
    if (!l || !Number.isSafeInteger(serial) || serial < 0 || serial > l.limit)
      return sampleInvoiceNumber(carrierId, serial);
    const out = build(l, serial);
    if ((serial & 4095) === 0 && out !== sampleInvoiceNumber(carrierId, serial)) {
      // Numbers already written may be wrong too: fail the load (it is one transaction).
      throw new Error(
        `Demo invoice numbers for ${carrierId} differ from sampleInvoiceNumber at serial ${serial}: fix sampleNumbers.ts`,
      );
    }
    return out;
  }
}
