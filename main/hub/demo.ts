// `shipdesk hub demo`: fills an empty pool with the same deterministic demo data a station gets
// (main/core/demo), generated into a scratch SQLite file and loaded in batches.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../core/db/open';
import { generateDemo } from '../core/demo/generate';
import { exportShipments } from '../core/poolLink/poolExport';
import { inTransaction, type HubPool } from './db/pool';
import { keyOf } from './poolRows';

export class PoolNotEmpty extends Error {}

const BATCH = 2000;

export async function loadDemoPool(
  pool: HubPool,
  o: { shipments: number; seed: number },
): Promise<{ shipments: number; invoices: number; events: number }> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM shipments');
  if (Number(rows[0]?.n ?? 0) > 0)
    throw new PoolNotEmpty('The pool already has shipments; hub demo fills an empty pool only.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-hub-demo-'));
  const db = openDatabase(path.join(dir, 'demo.db'));
  try {
    generateDemo(db, { shipments: o.shipments, seed: o.seed });
    let invoices = 0;
    let events = 0;
    for (let after = 0; ;) {
      const page = exportShipments(db, after, BATCH);
      if (!page.length) break;
      after = page[page.length - 1]!.id;
      const numbers = page.flatMap((p) => (p.invoice ? [p.invoice] : []));
      const evs = db
        .prepare(
          `SELECT carrier_id, invoice_no, at, zone, code, raw_code, raw_text, location, fingerprint FROM tracking_events
           WHERE (carrier_id, invoice_no) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
        )
        .all(JSON.stringify(numbers.map((n) => [n.carrierId, n.invoiceNo])));
      await inTransaction(pool, async (c) => {
        const ships = page.map(({ shipment: s, status }) => {
          const { shipmentNo, address, region, ...facts } = s;
          return {
            shipment_no: shipmentNo,
            order_no: s.orderNo,
            facts,
            address,
            region,
            warehouse: s.warehouse.code,
            recipient_key: keyOf(s),
            status,
          };
        });
        await c.query(
          `INSERT INTO shipments (shipment_no, order_no, facts, address, region, warehouse, recipient_key, status)
           SELECT shipment_no, order_no, facts, address, region, warehouse, recipient_key, status
           FROM jsonb_to_recordset($1) AS x(shipment_no text, order_no text, facts jsonb, address jsonb, region text,
                                            warehouse text, recipient_key text, status text)`,
          [JSON.stringify(ships)],
        );
        const invs = page.flatMap(({ shipment: s, invoice: i }) =>
          i
            ? [
                {
                  shipment_no: s.shipmentNo,
                  carrier_id: i.carrierId,
                  invoice_no: i.invoiceNo,
                  scan_at: i.scanAt,
                  registered_by: i.registeredBy,
                  via: i.via,
                  released: i.released,
                },
              ]
            : [],
        );
        await c.query(
          `INSERT INTO invoices (shipment_no, carrier_id, invoice_no, active, scan_at, registered_by, station, via, op_id, released_at)
           SELECT shipment_no, carrier_id, invoice_no, true, scan_at, registered_by, 'demo', via, gen_random_uuid(),
                  CASE WHEN released THEN now() END
           FROM jsonb_to_recordset($1) AS x(shipment_no text, carrier_id text, invoice_no text, scan_at bigint,
                                            registered_by text, via text, released boolean)`,
          [JSON.stringify(invs)],
        );
        await c.query(
          `INSERT INTO tracking_events (fingerprint, carrier_id, invoice_no, at, zone, code, raw_code, raw_text, location)
           SELECT fingerprint, carrier_id, invoice_no, at, zone, code, raw_code, raw_text, location
           FROM jsonb_to_recordset($1) AS x(fingerprint text, carrier_id text, invoice_no text, at bigint, zone text,
                                            code text, raw_code text, raw_text text, location text)
           ON CONFLICT (fingerprint) DO NOTHING`,
          [JSON.stringify(evs)],
        );
        await c.query(
          `UPDATE shipments s SET last_event_at = e.last FROM (
             SELECT i.shipment_no, max(t.at) AS last FROM invoices i
             JOIN tracking_events t ON t.carrier_id = i.carrier_id AND t.invoice_no = i.invoice_no
             WHERE i.active AND i.shipment_no = ANY($1) GROUP BY i.shipment_no) e
           WHERE s.shipment_no = e.shipment_no`,
          [page.map((p) => p.shipment.shipmentNo)],
        );
        // Released numbers still on their way are followed by the hubs' tracking.
        await c.query(
          `INSERT INTO poll_schedule (carrier_id, invoice_no, warehouse, next_poll_at)
           SELECT i.carrier_id, i.invoice_no, s.warehouse, now() FROM invoices i JOIN shipments s USING (shipment_no)
           WHERE i.active AND i.released_at IS NOT NULL AND s.status <> 'DELIVERED' AND s.shipment_no = ANY($1)
           ON CONFLICT DO NOTHING`,
          [page.map((p) => p.shipment.shipmentNo)],
        );
        await c.query('INSERT INTO changes (shipment_no) SELECT unnest($1::text[])', [
          page.map((p) => p.shipment.shipmentNo),
        ]);
      });
      invoices += numbers.length;
      events += evs.length;
    }
    const total = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM shipments');
    return { shipments: Number(total.rows[0]?.n ?? 0), invoices, events };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
