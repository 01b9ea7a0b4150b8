// Small, explicit test data: a few shipments in chosen states, written straight into the schema.
import type { Db } from '../../main/core/db/open';
import { formatShipmentNo } from '../../shared/shipmentNo';
import { tabOf } from '../../main/core/domain/status';
import type { ClaimType, ShipmentStatus, TrackingCode } from '../../shared/domain';

export interface SeedShipment {
  status?: ShipmentStatus;
  country?: string;
  claim?: ClaimType;
  orderedAt?: number;
  recipient?: string;
  phone?: string;
  line1?: string;
  warehouse?: 'WH-ICN' | 'WH-PUS' | 'WH-OVS';
  policy?: 'STD' | 'FREE';
  option?: 'PARCEL' | 'QUICK';
  productId?: string;
  memo?: string;
  invoice?: { carrierId: string; invoiceNo: string; released?: boolean; events?: { at: number; code: TrackingCode }[] };
  /** Ship under an existing order (several parcels for one order). */
  orderNo?: string;
}

const DAY = 86_400_000;
export const BASE_TIME = Date.parse('2026-11-20T00:00:00Z');

export function seedFacets(db: Db): void {
  db.exec(`
    INSERT INTO warehouses (id, code, name) VALUES (1,'WH-ICN','인천 1센터'),(2,'WH-PUS','부산 센터'),(3,'WH-OVS','해외 직배송');
    INSERT INTO delivery_policies (id, code, name) VALUES (1,'STD','일반배송'),(2,'FREE','무료배송');
    INSERT INTO shipping_options (id, code, name) VALUES (1,'PARCEL','택배'),(2,'QUICK','퀵');
  `);
}

let orderSerial = 0;

/** Inserts shipments in order; returns their shipment numbers. */
export function seedShipments(db: Db, specs: SeedShipment[]): string[] {
  const ids = { 'WH-ICN': 1, 'WH-PUS': 2, 'WH-OVS': 3, STD: 1, FREE: 2, PARCEL: 1, QUICK: 2 } as const;
  const nos: string[] = [];
  const insert = db.transaction(() => {
    for (const spec of specs) {
      const status = spec.status ?? 'AWAITING_INVOICE';
      const orderedAt = spec.orderedAt ?? BASE_TIME - nos.length * DAY;
      let orderId: number;
      const existing = spec.orderNo
        ? (db.prepare('SELECT id FROM orders WHERE order_no = ?').get(spec.orderNo) as { id: number } | undefined)
        : undefined;
      if (existing) {
        orderId = existing.id;
      } else {
        const claim = spec.claim ?? 'general';
        const original =
          claim === 'exchange'
            ? (db.prepare("SELECT id FROM orders WHERE claim = 'general' ORDER BY id LIMIT 1").get() as
                { id: number } | undefined)
            : undefined;
        if (claim === 'exchange' && !original) throw new Error('seed a general order before an exchange');
        orderId = Number(
          db
            .prepare(
              'INSERT INTO orders (order_no, ordered_at, sales_channel, buyer_name, claim, original_order_id) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(
              spec.orderNo ?? `ORD-${String(++orderSerial).padStart(6, '0')}-${Math.random().toString(36).slice(2, 6)}`,
              orderedAt,
              'web',
              'Buyer',
              claim,
              original?.id ?? null,
            ).lastInsertRowid,
        );
      }
      const country = spec.country ?? 'KR';
      const id = Number((db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM shipments').get() as { n: number }).n);
      const shipmentNo = formatShipmentNo(id);
      const claimOfOrder = (db.prepare('SELECT claim FROM orders WHERE id = ?').get(orderId) as { claim: ClaimType })
        .claim;
      db.prepare(
        `INSERT INTO shipments (id, shipment_no, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone, country,
           postal_code, address_line1, address_line2, memo, warehouse_id, policy_id, option_id, region, status, tab, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        shipmentNo,
        orderId,
        orderedAt,
        new Date(orderedAt + 9 * 3600_000).toISOString().slice(0, 10),
        claimOfOrder,
        spec.recipient ?? '김민수',
        spec.phone ?? '010-1234-5678',
        country,
        country === 'KR' ? '06236' : '10001',
        spec.line1 ?? '서울 강남구 테헤란로 1',
        spec.memo ?? '',
        ids[spec.warehouse ?? 'WH-ICN'],
        ids[spec.policy ?? 'STD'],
        ids[spec.option ?? 'PARCEL'],
        country === 'KR' ? 'domestic' : 'international',
        status,
        tabOf(status),
        orderedAt,
      );
      db.prepare(
        'INSERT INTO order_items (order_id, shipment_id, product_id, product_name, option_name, quantity) VALUES (?, ?, ?, ?, ?, 1)',
      ).run(orderId, id, spec.productId ?? 'P100001', '무선 이어폰 Wireless Earbuds', '블랙');
      if (spec.invoice) {
        const inv = spec.invoice;
        const invoiceId = Number(
          db
            .prepare(
              `INSERT INTO invoices (shipment_id, carrier_id, invoice_no, active, registered_at, registered_by, via, released_at)
             VALUES (?, ?, ?, 1, ?, 'seed', 'manual', ?)`,
            )
            .run(
              id,
              inv.carrierId,
              inv.invoiceNo,
              orderedAt + 3600_000,
              inv.released === false ? null : orderedAt + 7200_000,
            ).lastInsertRowid,
        );
        let last: number | null = null;
        for (const e of inv.events ?? []) {
          db.prepare(
            `INSERT INTO tracking_events (carrier_id, invoice_no, at, zone, code, raw_code, raw_text, location, fingerprint, stored_at)
             VALUES (?, ?, ?, '+09:00', ?, ?, ?, '곤지암Hub', ?, ?)`,
          ).run(
            inv.carrierId,
            inv.invoiceNo,
            e.at,
            e.code,
            e.code,
            e.code,
            `${inv.carrierId}|${inv.invoiceNo}|${e.at}|${e.code}`,
            e.at,
          );
          last = last === null || e.at > last ? e.at : last;
        }
        db.prepare('UPDATE shipments SET invoice_id = ?, last_event_at = ? WHERE id = ?').run(invoiceId, last, id);
      }
      nos.push(shipmentNo);
    }
  });
  insert();
  return nos;
}

/** A valid Lotte number (12 digits, mod 7) from a serial, for tests that need many distinct numbers. */
export function lotteNumber(serial: number): string {
  const base = 60_000_000_000 + serial;
  return `${base}${base % 7}`;
}
