// Numbered migrations, applied in order on PRAGMA user_version. Only ever append.

export const MIGRATIONS: readonly string[] = [
  // 1: the shipping desk's tables
  `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE warehouses (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
  ) STRICT;

  CREATE TABLE delivery_policies (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
  ) STRICT;

  CREATE TABLE shipping_options (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
  ) STRICT;

  CREATE TABLE orders (
    id                INTEGER PRIMARY KEY,
    order_no          TEXT NOT NULL UNIQUE,
    ordered_at        INTEGER NOT NULL,               -- epoch ms, UTC
    sales_channel     TEXT NOT NULL,
    buyer_name        TEXT NOT NULL,
    claim             TEXT NOT NULL CHECK (claim IN ('general','exchange')),
    original_order_id INTEGER REFERENCES orders(id),
    CHECK ((claim = 'exchange') = (original_order_id IS NOT NULL))
  ) STRICT;

  CREATE TABLE shipments (
    id              INTEGER PRIMARY KEY,              -- the serial behind shipment_no
    shipment_no     TEXT NOT NULL UNIQUE,
    order_id        INTEGER NOT NULL REFERENCES orders(id),
    -- copied from the order (immutable there) so the grid's indexes cover them
    ordered_at      INTEGER NOT NULL,
    order_day       TEXT NOT NULL,                    -- YYYY-MM-DD in the home time zone
    claim           TEXT NOT NULL CHECK (claim IN ('general','exchange')),
    recipient_name  TEXT NOT NULL,
    recipient_phone TEXT NOT NULL,
    country         TEXT NOT NULL,
    postal_code     TEXT NOT NULL,
    address_line1   TEXT NOT NULL,
    address_line2   TEXT NOT NULL DEFAULT '',
    memo            TEXT NOT NULL DEFAULT '',
    warehouse_id    INTEGER NOT NULL REFERENCES warehouses(id),
    policy_id       INTEGER NOT NULL REFERENCES delivery_policies(id),
    option_id       INTEGER NOT NULL REFERENCES shipping_options(id),
    region          TEXT NOT NULL CHECK (region IN ('domestic','international')),
    status          TEXT NOT NULL CHECK (status IN ('AWAITING_INVOICE','PREPARING_TO_SHIP','RELEASED',
                                                     'PROCESSED','SHIPPING','FAILED','DELIVERED')),
    tab             TEXT NOT NULL CHECK (tab IN ('preparing','inDelivery','failed','delivered')),
    invoice_id      INTEGER,                          -- the active invoice, if any
    last_event_at   INTEGER,
    updated_at      INTEGER NOT NULL
  ) STRICT;

  CREATE INDEX shipments_grid ON shipments(region, tab, ordered_at, id);
  CREATE INDEX shipments_grid_no ON shipments(region, tab, shipment_no);
  CREATE INDEX shipments_order ON shipments(order_id);

  CREATE TABLE order_items (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    shipment_id  INTEGER NOT NULL REFERENCES shipments(id),
    product_id   TEXT NOT NULL,
    product_name TEXT NOT NULL,
    option_name  TEXT NOT NULL DEFAULT '',
    quantity     INTEGER NOT NULL CHECK (quantity > 0)
  ) STRICT;
  CREATE INDEX order_items_shipment ON order_items(shipment_id);
  CREATE INDEX order_items_product ON order_items(product_id);

  CREATE TABLE invoices (
    id            INTEGER PRIMARY KEY,
    shipment_id   INTEGER NOT NULL REFERENCES shipments(id),
    carrier_id    TEXT NOT NULL,
    invoice_no    TEXT NOT NULL,
    active        INTEGER NOT NULL CHECK (active IN (0,1)),
    registered_at INTEGER NOT NULL,
    registered_by TEXT NOT NULL,
    via           TEXT NOT NULL CHECK (via IN ('manual','scan','excel','api')),
    released_at   INTEGER,
    ended_at      INTEGER,
    ended_reason  TEXT
  ) STRICT;
  CREATE UNIQUE INDEX invoices_one_active ON invoices(shipment_id) WHERE active = 1;
  CREATE INDEX invoices_number ON invoices(invoice_no, carrier_id) WHERE active = 1;
  CREATE INDEX invoices_shipment ON invoices(shipment_id);

  -- Events belong to a carrier's number, not to an invoice row: a modified invoice detaches them,
  -- and combined packing (one number, several shipments) shares them.
  CREATE TABLE tracking_events (
    id          INTEGER PRIMARY KEY,
    carrier_id  TEXT NOT NULL,
    invoice_no  TEXT NOT NULL,
    at          INTEGER NOT NULL,                     -- epoch ms, UTC
    zone        TEXT NOT NULL,                        -- the carrier's offset, e.g. +09:00
    code        TEXT NOT NULL,
    raw_code    TEXT NOT NULL,
    raw_text    TEXT NOT NULL,
    location    TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL UNIQUE,
    stored_at   INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX tracking_events_number ON tracking_events(carrier_id, invoice_no, at);

  CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id),
    action      TEXT NOT NULL CHECK (action IN ('registered','modified','deleted','voided_by_carrier','address_changed')),
    before_json TEXT,
    after_json  TEXT,
    operator    TEXT NOT NULL,
    via         TEXT NOT NULL,
    at          INTEGER NOT NULL,
    reason      TEXT
  ) STRICT;
  CREATE INDEX history_shipment ON history(shipment_id, id);

  CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,                    -- release | withdraw
    shipment_id     INTEGER NOT NULL REFERENCES shipments(id),
    idempotency_key TEXT NOT NULL UNIQUE,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','leased','done','dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    due_at          INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX outbox_due ON outbox(state, due_at);
  CREATE INDEX outbox_shipment ON outbox(shipment_id, id);

  -- Tab counters kept by triggers, so the tab counts never scan a million rows.
  CREATE TABLE count_by_facet (
    region TEXT NOT NULL, claim TEXT NOT NULL, warehouse_id INTEGER NOT NULL,
    policy_id INTEGER NOT NULL, option_id INTEGER NOT NULL, tab TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (region, claim, warehouse_id, policy_id, option_id, tab)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE count_by_day (
    order_day TEXT NOT NULL, region TEXT NOT NULL, claim TEXT NOT NULL, tab TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (order_day, region, claim, tab)
  ) STRICT, WITHOUT ROWID;
  `,
  // 2: tracking sync — who holds an outbox lease, why work died, when each number is polled next,
  // and what the carriers sent that Shipdesk could not read (shown to the operator).
  `
  ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
  ALTER TABLE outbox ADD COLUMN last_error_code TEXT;
  ALTER TABLE outbox ADD COLUMN finished_at INTEGER;

  -- One row per carrier number being followed; next_poll_at NULL means polling stopped.
  CREATE TABLE poll_schedule (
    carrier_id      TEXT NOT NULL,
    invoice_no      TEXT NOT NULL,
    next_poll_at    INTEGER,
    last_attempt_at INTEGER,
    last_polled_at  INTEGER,                          -- the last answer from the carrier
    failures        INTEGER NOT NULL DEFAULT 0,
    last_error_code TEXT,
    last_error      TEXT,
    not_moving      INTEGER NOT NULL DEFAULT 0 CHECK (not_moving IN (0,1)),
    PRIMARY KEY (carrier_id, invoice_no)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX poll_schedule_due ON poll_schedule(next_poll_at) WHERE next_poll_at IS NOT NULL;

  CREATE TABLE sync_problems (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    carrier_id TEXT NOT NULL DEFAULT '',
    subject    TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    first_at   INTEGER NOT NULL,
    last_at    INTEGER NOT NULL,
    UNIQUE (kind, carrier_id, subject)
  ) STRICT;

  CREATE TABLE sync_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
  // 3: Excel imports — one batch per commit, one row per file row, so the same file never
  // registers anything twice (docs/ARCHITECTURE.md "Excel import and export").
  `
  CREATE TABLE import_batches (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    file_hash    TEXT NOT NULL,                       -- sha256 of the file's bytes, hex
    format       TEXT NOT NULL CHECK (format IN ('xlsx','csv')),
    operator     TEXT NOT NULL,
    committed_at INTEGER NOT NULL,
    row_count    INTEGER NOT NULL,
    registered   INTEGER NOT NULL,
    modified     INTEGER NOT NULL,
    skipped      INTEGER NOT NULL,
    failed       INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX import_batches_hash ON import_batches(file_hash, id);

  CREATE TABLE import_rows (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
    file_hash   TEXT NOT NULL,
    row_no      INTEGER NOT NULL,
    shipment_no TEXT NOT NULL,
    carrier_id  TEXT,
    invoice_no  TEXT,
    outcome     TEXT NOT NULL CHECK (outcome IN ('registered','modified','skipped','failed')),
    code        TEXT,
    message     TEXT,
    invoice_id  INTEGER REFERENCES invoices(id)
  ) STRICT;
  CREATE INDEX import_rows_batch ON import_rows(batch_id, row_no);
  -- A row of a file is applied at most once, whatever happens to the shipment afterwards.
  CREATE UNIQUE INDEX import_rows_applied ON import_rows(file_hash, row_no) WHERE outcome IN ('registered','modified');
  `,
  // 4: the status bar counts "not moving" numbers without reading every followed number.
  `
  CREATE INDEX poll_schedule_not_moving ON poll_schedule(next_poll_at) WHERE not_moving = 1;
  `,
  // 5: the grid without a tab (all statuses of a region, newest first) walks an index, not a sort.
  `
  CREATE INDEX shipments_region_date ON shipments(region, ordered_at, id);
  `,
  // 6: the counters count per status (the screen shows Awaiting invoice, Registered, Released, ...;
  // a tab's count is the sum of its statuses), and their triggers live here, in the migrations, so a
  // changed trigger reaches every existing database. Before, they were created "if not exists" on
  // every open, which left an old trigger in place forever.
  `
  DROP TRIGGER IF EXISTS shipments_count_insert;
  DROP TRIGGER IF EXISTS shipments_count_delete;
  DROP TRIGGER IF EXISTS shipments_count_update;
  DROP TABLE count_by_facet;
  DROP TABLE count_by_day;

  CREATE TABLE count_by_facet (
    region TEXT NOT NULL, claim TEXT NOT NULL, warehouse_id INTEGER NOT NULL,
    policy_id INTEGER NOT NULL, option_id INTEGER NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (region, claim, warehouse_id, policy_id, option_id, status)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE count_by_day (
    order_day TEXT NOT NULL, region TEXT NOT NULL, claim TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (order_day, region, claim, status)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO count_by_facet
    SELECT region, claim, warehouse_id, policy_id, option_id, status, count(*) FROM shipments
    GROUP BY region, claim, warehouse_id, policy_id, option_id, status;
  INSERT INTO count_by_day
    SELECT order_day, region, claim, status, count(*) FROM shipments GROUP BY order_day, region, claim, status;

  CREATE TRIGGER shipments_count_insert AFTER INSERT ON shipments BEGIN
    INSERT INTO count_by_facet VALUES (new.region, new.claim, new.warehouse_id, new.policy_id, new.option_id, new.status, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO count_by_day VALUES (new.order_day, new.region, new.claim, new.status, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER shipments_count_delete AFTER DELETE ON shipments BEGIN
    UPDATE count_by_facet SET n = n - 1 WHERE region = old.region AND claim = old.claim
      AND warehouse_id = old.warehouse_id AND policy_id = old.policy_id AND option_id = old.option_id AND status = old.status;
    UPDATE count_by_day SET n = n - 1 WHERE order_day = old.order_day AND region = old.region
      AND claim = old.claim AND status = old.status;
  END;
  CREATE TRIGGER shipments_count_update
  AFTER UPDATE OF status, region, claim, warehouse_id, policy_id, option_id, order_day ON shipments
  WHEN old.status IS NOT new.status OR old.region IS NOT new.region OR old.claim IS NOT new.claim
    OR old.warehouse_id IS NOT new.warehouse_id OR old.policy_id IS NOT new.policy_id
    OR old.option_id IS NOT new.option_id OR old.order_day IS NOT new.order_day
  BEGIN
    UPDATE count_by_facet SET n = n - 1 WHERE region = old.region AND claim = old.claim
      AND warehouse_id = old.warehouse_id AND policy_id = old.policy_id AND option_id = old.option_id AND status = old.status;
    INSERT INTO count_by_facet VALUES (new.region, new.claim, new.warehouse_id, new.policy_id, new.option_id, new.status, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE count_by_day SET n = n - 1 WHERE order_day = old.order_day AND region = old.region
      AND claim = old.claim AND status = old.status;
    INSERT INTO count_by_day VALUES (new.order_day, new.region, new.claim, new.status, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  `,
  // 7: orders from the sales channels' order sheets (docs/ORDERS.md). An order no. is unique per
  // channel, not globally, so the orders table is rebuilt (SQLite cannot drop a UNIQUE constraint);
  // demo and earlier orders keep their ids and get a channel from their sales channel's name.
  // Each order line keeps its channel's line id; history learns what split, merge and import do;
  // shipment serials come from a counter so a merged-away number is never handed out again.
  `
  CREATE TABLE orders_v6 (
    id                INTEGER PRIMARY KEY,
    channel           TEXT NOT NULL DEFAULT 'other',  -- naver, coupang, shopify, amazon, ebay, ... (shared/channels.ts)
    order_no          TEXT NOT NULL,
    ordered_at        INTEGER NOT NULL,               -- epoch ms, UTC
    sales_channel     TEXT NOT NULL,
    buyer_name        TEXT NOT NULL,
    claim             TEXT NOT NULL CHECK (claim IN ('general','exchange')),
    original_order_id INTEGER REFERENCES orders(id),
    CHECK ((claim = 'exchange') = (original_order_id IS NOT NULL)),
    UNIQUE (channel, order_no)
  ) STRICT;
  INSERT INTO orders_v6 (id, channel, order_no, ordered_at, sales_channel, buyer_name, claim, original_order_id)
    SELECT id,
           CASE sales_channel
             WHEN '네이버 스마트스토어' THEN 'naver' WHEN '쿠팡' THEN 'coupang' WHEN 'Shopify' THEN 'shopify'
             WHEN '11번가' THEN '11st' WHEN 'G마켓' THEN 'esm' WHEN '카카오톡 선물하기' THEN 'kakao'
             WHEN '자사몰' THEN 'own' WHEN '자사몰 글로벌' THEN 'own' ELSE 'other' END,
           order_no, ordered_at, sales_channel, buyer_name, claim, original_order_id
    FROM orders;
  DROP TABLE orders;
  ALTER TABLE orders_v6 RENAME TO orders;
  CREATE INDEX orders_no ON orders(order_no);
  CREATE INDEX orders_original ON orders(original_order_id) WHERE original_order_id IS NOT NULL;

  -- line_id: the channel's id of the line (Naver 상품주문번호, Amazon order-item-id, ...); NULL for
  -- lines entered before orders were imported, which answer with their own id. A line split by
  -- quantity has one row per shipment, so (order_id, line_id) repeats across shipments only.
  -- line_keys: the channel's other keys of the line (Coupang bundle and option id), JSON.
  -- source_json: the line's cells as the channel's sheet had them, for re-upload layouts.
  ALTER TABLE order_items ADD COLUMN line_id TEXT;
  ALTER TABLE order_items ADD COLUMN line_keys TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE order_items ADD COLUMN source_json TEXT;
  CREATE INDEX order_items_line ON order_items(order_id, line_id);

  CREATE TABLE history_v6 (
    id          INTEGER PRIMARY KEY,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id),
    action      TEXT NOT NULL CHECK (action IN ('registered','modified','deleted','voided_by_carrier','address_changed',
                                                'created','split','merged')),
    before_json TEXT,
    after_json  TEXT,
    operator    TEXT NOT NULL,
    via         TEXT NOT NULL,
    at          INTEGER NOT NULL,
    reason      TEXT
  ) STRICT;
  INSERT INTO history_v6 SELECT id, shipment_id, action, before_json, after_json, operator, via, at, reason FROM history;
  DROP TABLE history;
  ALTER TABLE history_v6 RENAME TO history;
  CREATE INDEX history_shipment ON history(shipment_id, id);

  -- The last shipment serial handed out; the next is above both this and every stored id.
  CREATE TABLE serials (
    name TEXT PRIMARY KEY,
    last INTEGER NOT NULL
  ) STRICT;
  INSERT INTO serials (name, last) SELECT 'shipment', coalesce(max(id), 0) FROM shipments;

  -- Column mappings the operator saved for layouts Shipdesk does not know, found again by their header set.
  CREATE TABLE order_profiles (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    channel       TEXT NOT NULL,
    header_key    TEXT NOT NULL,                      -- the header set, normalised and sorted
    headers_json  TEXT NOT NULL,
    mapping_json  TEXT NOT NULL,                      -- { header: field }
    defaults_json TEXT NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX order_profiles_headers ON order_profiles(header_key);

  -- Order-sheet imports share import_batches with the invoice import; each line's outcome is kept.
  ALTER TABLE import_batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'invoices' CHECK (kind IN ('invoices','orders'));
  ALTER TABLE import_batches ADD COLUMN profile TEXT;
  CREATE TABLE order_import_lines (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
    row_no      INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    order_no    TEXT NOT NULL,
    line_id     TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('created','present','failed')),
    shipment_id INTEGER REFERENCES shipments(id),
    code        TEXT,
    message     TEXT
  ) STRICT;
  CREATE INDEX order_import_lines_batch ON order_import_lines(batch_id, row_no);

  -- A day's registered numbers (the channels' upload files, the driver's list) without a scan.
  CREATE INDEX invoices_registered ON invoices(registered_at) WHERE active = 1;
  `,
  // 8: retention — shipments purged after the retention period leave their counts behind, per month
  // of order, region and last status, so reports over old months still add up.
  `
  CREATE TABLE purged_counts (
    order_month     TEXT NOT NULL,                    -- YYYY-MM of the order day
    region          TEXT NOT NULL,
    status          TEXT NOT NULL,
    shipments       INTEGER NOT NULL,
    invoices        INTEGER NOT NULL,
    history_entries INTEGER NOT NULL,
    last_purged_at  INTEGER NOT NULL,
    PRIMARY KEY (order_month, region, status)
  ) STRICT, WITHOUT ROWID;
  `,
  // 9: many stations, one pool (docs/HUB.md). The pool's version and revision each shipment's view is
  // based on; operations queued for the hub with their verdicts; conflicts this station lost, kept for
  // the operator; pool states waiting behind this station's own unanswered operations.
  `
  ALTER TABLE shipments ADD COLUMN pool_version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE shipments ADD COLUMN pool_revision INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN hub_op_id TEXT;
  CREATE INDEX outbox_hub_op ON outbox(hub_op_id) WHERE hub_op_id IS NOT NULL;

  CREATE TABLE hub_ops (
    id          INTEGER PRIMARY KEY,
    op_id       TEXT NOT NULL UNIQUE,
    shipment_no TEXT NOT NULL,
    kind        TEXT NOT NULL,
    op          TEXT NOT NULL,                      -- the operation exactly as sent (JSON)
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','applied','same','conflict','rejected')),
    verdict     TEXT,                               -- the hub's answer (JSON)
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    created_at  INTEGER NOT NULL,
    answered_at INTEGER
  ) STRICT;
  CREATE INDEX hub_ops_pending ON hub_ops(state, id);
  CREATE INDEX hub_ops_shipment ON hub_ops(shipment_no, state);

  CREATE TABLE hub_conflicts (
    id          INTEGER PRIMARY KEY,
    op_id       TEXT NOT NULL UNIQUE REFERENCES hub_ops(op_id),
    shipment_no TEXT NOT NULL,
    kind        TEXT NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('conflict','rejected')),
    mine        TEXT NOT NULL,                      -- JSON: what this station did, and when its operator acted
    theirs      TEXT,                               -- JSON: who won, with what and when (null when refused)
    station     TEXT NOT NULL,
    at          INTEGER NOT NULL,
    reason      TEXT,
    code        TEXT,
    resolved_at INTEGER,
    resolution  TEXT CHECK (resolution IN ('keepTheirs','useMine'))
  ) STRICT;
  CREATE INDEX hub_conflicts_open ON hub_conflicts(resolved_at, id);

  CREATE TABLE hub_deferred (
    shipment_no TEXT PRIMARY KEY,
    revision    INTEGER NOT NULL,
    state       TEXT NOT NULL
  ) STRICT;
  `,
  // 10: searches by order number and product id. A product id is not a key (a product may be in
  // thousands of shipments), so each shipment's order number and product ids are kept here beside
  // what the grid filters and sorts by, ordered by key then order date: a search reads one range,
  // already in grid order, and never touches the shipments it does not show. Triggers keep the rows
  // current in the same transaction as every change; count_by_product counts a product's shipments
  // per status like count_by_facet does for all of them.
  `
  CREATE TABLE search_keys (
    field        TEXT NOT NULL CHECK (field IN ('orderNo','productId')),
    key          TEXT NOT NULL,
    ordered_at   INTEGER NOT NULL,
    shipment_id  INTEGER NOT NULL,
    region       TEXT NOT NULL,
    claim        TEXT NOT NULL,
    status       TEXT NOT NULL,
    warehouse_id INTEGER NOT NULL,
    policy_id    INTEGER NOT NULL,
    option_id    INTEGER NOT NULL,
    PRIMARY KEY (field, key, ordered_at, shipment_id)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE count_by_product (
    product_id TEXT NOT NULL, region TEXT NOT NULL, claim TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (product_id, region, claim, status)
  ) STRICT, WITHOUT ROWID;

  INSERT INTO search_keys
    SELECT 'orderNo', o.order_no, s.ordered_at, s.id, s.region, s.claim, s.status, s.warehouse_id, s.policy_id, s.option_id
    FROM shipments s JOIN orders o ON o.id = s.order_id
    UNION ALL
    SELECT DISTINCT 'productId', i.product_id, s.ordered_at, s.id, s.region, s.claim, s.status, s.warehouse_id, s.policy_id, s.option_id
    FROM order_items i JOIN shipments s ON s.id = i.shipment_id
    ORDER BY 1, 2, 3, 4;
  INSERT INTO count_by_product
    SELECT key, region, claim, status, count(*) FROM search_keys WHERE field = 'productId' GROUP BY key, region, claim, status;

  CREATE TRIGGER search_keys_product_insert AFTER INSERT ON search_keys WHEN new.field = 'productId' BEGIN
    INSERT INTO count_by_product VALUES (new.key, new.region, new.claim, new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER search_keys_product_delete AFTER DELETE ON search_keys WHEN old.field = 'productId' BEGIN
    UPDATE count_by_product SET n = n - 1
      WHERE product_id = old.key AND region = old.region AND claim = old.claim AND status = old.status;
  END;
  CREATE TRIGGER search_keys_product_update AFTER UPDATE ON search_keys
  WHEN old.field = 'productId' AND (old.key IS NOT new.key OR old.region IS NOT new.region
    OR old.claim IS NOT new.claim OR old.status IS NOT new.status)
  BEGIN
    UPDATE count_by_product SET n = n - 1
      WHERE product_id = old.key AND region = old.region AND claim = old.claim AND status = old.status;
    INSERT INTO count_by_product VALUES (new.key, new.region, new.claim, new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  END;

  CREATE TRIGGER shipments_keys_insert AFTER INSERT ON shipments BEGIN
    INSERT INTO search_keys
      SELECT 'orderNo', o.order_no, new.ordered_at, new.id, new.region, new.claim, new.status, new.warehouse_id, new.policy_id, new.option_id
      FROM orders o WHERE o.id = new.order_id;
    INSERT OR IGNORE INTO search_keys
      SELECT 'productId', i.product_id, new.ordered_at, new.id, new.region, new.claim, new.status, new.warehouse_id, new.policy_id, new.option_id
      FROM order_items i WHERE i.shipment_id = new.id;
  END;
  CREATE TRIGGER shipments_keys_update
  AFTER UPDATE OF status, region, claim, warehouse_id, policy_id, option_id ON shipments
  WHEN old.status IS NOT new.status OR old.region IS NOT new.region OR old.claim IS NOT new.claim
    OR old.warehouse_id IS NOT new.warehouse_id OR old.policy_id IS NOT new.policy_id OR old.option_id IS NOT new.option_id
  BEGIN
    UPDATE search_keys SET region = new.region, claim = new.claim, status = new.status,
        warehouse_id = new.warehouse_id, policy_id = new.policy_id, option_id = new.option_id
      WHERE field = 'orderNo' AND key = (SELECT order_no FROM orders WHERE id = new.order_id)
        AND ordered_at = new.ordered_at AND shipment_id = new.id;
    UPDATE search_keys SET region = new.region, claim = new.claim, status = new.status,
        warehouse_id = new.warehouse_id, policy_id = new.policy_id, option_id = new.option_id
      WHERE field = 'productId' AND key IN (SELECT product_id FROM order_items WHERE shipment_id = new.id)
        AND ordered_at = new.ordered_at AND shipment_id = new.id;
  END;
  -- Never done by Shipdesk (an order and its date do not change), kept true all the same.
  CREATE TRIGGER shipments_keys_move AFTER UPDATE OF order_id, ordered_at ON shipments
  WHEN old.order_id IS NOT new.order_id OR old.ordered_at IS NOT new.ordered_at
  BEGIN
    DELETE FROM search_keys WHERE field = 'orderNo' AND key = (SELECT order_no FROM orders WHERE id = old.order_id)
      AND ordered_at = old.ordered_at AND shipment_id = old.id;
    DELETE FROM search_keys WHERE field = 'productId' AND key IN (SELECT product_id FROM order_items WHERE shipment_id = old.id)
      AND ordered_at = old.ordered_at AND shipment_id = old.id;
    INSERT INTO search_keys
      SELECT 'orderNo', o.order_no, new.ordered_at, new.id, new.region, new.claim, new.status, new.warehouse_id, new.policy_id, new.option_id
      FROM orders o WHERE o.id = new.order_id;
    INSERT OR IGNORE INTO search_keys
      SELECT 'productId', i.product_id, new.ordered_at, new.id, new.region, new.claim, new.status, new.warehouse_id, new.policy_id, new.option_id
      FROM order_items i WHERE i.shipment_id = new.id;
  END;
  CREATE TRIGGER shipments_keys_delete AFTER DELETE ON shipments BEGIN
    DELETE FROM search_keys WHERE field = 'orderNo' AND key = (SELECT order_no FROM orders WHERE id = old.order_id)
      AND ordered_at = old.ordered_at AND shipment_id = old.id;
    DELETE FROM search_keys WHERE field = 'productId' AND key IN (SELECT product_id FROM order_items WHERE shipment_id = old.id)
      AND ordered_at = old.ordered_at AND shipment_id = old.id;
  END;
  CREATE TRIGGER orders_keys_update AFTER UPDATE OF order_no ON orders WHEN old.order_no IS NOT new.order_no BEGIN
    UPDATE search_keys SET key = new.order_no WHERE field = 'orderNo' AND key = old.order_no
      AND shipment_id IN (SELECT id FROM shipments WHERE order_id = new.id);
  END;

  CREATE TRIGGER order_items_keys_insert AFTER INSERT ON order_items BEGIN
    INSERT OR IGNORE INTO search_keys
      SELECT 'productId', new.product_id, s.ordered_at, s.id, s.region, s.claim, s.status, s.warehouse_id, s.policy_id, s.option_id
      FROM shipments s WHERE s.id = new.shipment_id;
  END;
  CREATE TRIGGER order_items_keys_delete AFTER DELETE ON order_items
  WHEN NOT EXISTS (SELECT 1 FROM order_items WHERE shipment_id = old.shipment_id AND product_id = old.product_id)
  BEGIN
    DELETE FROM search_keys WHERE field = 'productId' AND key = old.product_id
      AND ordered_at = (SELECT ordered_at FROM shipments WHERE id = old.shipment_id) AND shipment_id = old.shipment_id;
  END;
  CREATE TRIGGER order_items_keys_update AFTER UPDATE OF product_id, shipment_id ON order_items
  WHEN old.product_id IS NOT new.product_id OR old.shipment_id IS NOT new.shipment_id
  BEGIN
    DELETE FROM search_keys WHERE field = 'productId' AND key = old.product_id
      AND ordered_at = (SELECT ordered_at FROM shipments WHERE id = old.shipment_id) AND shipment_id = old.shipment_id
      AND NOT EXISTS (SELECT 1 FROM order_items WHERE shipment_id = old.shipment_id AND product_id = old.product_id);
    INSERT OR IGNORE INTO search_keys
      SELECT 'productId', new.product_id, s.ordered_at, s.id, s.region, s.claim, s.status, s.warehouse_id, s.policy_id, s.option_id
      FROM shipments s WHERE s.id = new.shipment_id;
  END;
  `,
  // 11: the status bar's queue and dead-letter counts after every registration are a lookup, not a
  // count of the outbox (a day offline queues thousands of releases).
  `
  CREATE TABLE outbox_counts (
    state TEXT PRIMARY KEY,
    n     INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  INSERT INTO outbox_counts SELECT state, count(*) FROM outbox GROUP BY state;
  CREATE TRIGGER outbox_count_insert AFTER INSERT ON outbox BEGIN
    INSERT INTO outbox_counts VALUES (new.state, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER outbox_count_delete AFTER DELETE ON outbox BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
  END;
  CREATE TRIGGER outbox_count_update AFTER UPDATE OF state ON outbox WHEN old.state IS NOT new.state BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
    INSERT INTO outbox_counts VALUES (new.state, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  `,
];
