// The pool's schema in PostgreSQL: numbered, plain SQL, only ever appended. `shipdesk hub init`
// applies them under an advisory lock, so two hubs starting at once never race (docs/HUB.md).

export const HUB_MIGRATIONS: readonly string[] = [
  // 1: stations, shipments, invoices, operations (exactly once), the change feed, tracking.
  `
  CREATE TABLE stations (
    id          serial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    token_hash  bytea NOT NULL UNIQUE,              -- sha256 of the token; the token itself is never stored
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    last_seen_at timestamptz
  );

  CREATE TABLE shipments (
    shipment_no   text PRIMARY KEY,
    order_no      text NOT NULL,
    facts         jsonb NOT NULL,                   -- PoolShipment without the address
    address       jsonb NOT NULL,
    region        text NOT NULL CHECK (region IN ('domestic','international')),
    warehouse     text NOT NULL,
    recipient_key text NOT NULL,                    -- who it goes to, for the duplicate-number rule
    version       integer NOT NULL DEFAULT 1,       -- bumped by applied operations
    revision      integer NOT NULL DEFAULT 1,       -- bumped by every change, tracking included
    status        text NOT NULL DEFAULT 'AWAITING_INVOICE',
    last_event_at bigint,
    retired       boolean NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX shipments_order ON shipments(order_no);

  CREATE TABLE invoices (
    id            bigserial PRIMARY KEY,
    shipment_no   text NOT NULL REFERENCES shipments(shipment_no),
    carrier_id    text NOT NULL,
    invoice_no    text NOT NULL,
    active        boolean NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    scan_at       bigint NOT NULL,                  -- the station's clock, kept beside the database's order
    registered_by text NOT NULL,
    station       text NOT NULL,
    via           text NOT NULL,
    op_id         uuid NOT NULL,
    released_at   timestamptz,
    ended_at      timestamptz,
    ended_reason  text,
    ended_by      text
  );
  -- The rule no station can break: at most one active number per shipment.
  CREATE UNIQUE INDEX invoices_one_active ON invoices(shipment_no) WHERE active;
  CREATE INDEX invoices_number ON invoices(carrier_id, invoice_no) WHERE active;
  CREATE INDEX invoices_shipment ON invoices(shipment_no, id);

  -- Every operation once: a retried op id gets the stored answer. seq is the order operations
  -- reached the database; station clocks are kept beside it, never used to order.
  CREATE TABLE operations (
    op_id         uuid PRIMARY KEY,
    seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    station       text NOT NULL,
    kind          text NOT NULL,
    shipment_no   text NOT NULL,
    base_version  integer,
    scan_at       bigint NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    protocol      integer NOT NULL,
    app           text NOT NULL,
    payload       jsonb NOT NULL,
    verdict       text CHECK (verdict IN ('applied','same','conflict','rejected')),
    answer        jsonb
  );
  CREATE INDEX operations_shipment ON operations(shipment_no, seq);
  CREATE INDEX operations_losers ON operations(station, seq) WHERE verdict = 'conflict';

  -- The change feed: a pointer per change, read in (txid, seq) order and only below the oldest
  -- transaction still running, so a change that commits late is never behind a cursor (feed.ts).
  CREATE TABLE changes (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    shipment_no text,
    fingerprint text
  );
  CREATE INDEX changes_cursor ON changes(txid, seq);

  CREATE TABLE tracking_events (
    fingerprint text PRIMARY KEY,                   -- stored once, whoever polled it
    carrier_id  text NOT NULL,
    invoice_no  text NOT NULL,
    at          bigint NOT NULL,
    zone        text NOT NULL,
    code        text NOT NULL,
    raw_code    text NOT NULL,
    raw_text    text NOT NULL,
    location    text NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX tracking_events_number ON tracking_events(carrier_id, invoice_no);

  -- Numbers the hub follows, per warehouse (one hub instance polls a warehouse: advisory lock).
  CREATE TABLE poll_schedule (
    carrier_id     text NOT NULL,
    invoice_no     text NOT NULL,
    warehouse      text NOT NULL,
    next_poll_at   timestamptz,
    last_polled_at timestamptz,
    failures       integer NOT NULL DEFAULT 0,
    last_error     text,
    PRIMARY KEY (carrier_id, invoice_no)
  );
  CREATE INDEX poll_schedule_due ON poll_schedule(warehouse, next_poll_at) WHERE next_poll_at IS NOT NULL;
  `,
  // 2: every station gets a short code at enrolment (1..999) that goes into the shipment numbers it
  // mints (docs/HUB.md "Shipment numbers"), so stations importing offline never mint the same one;
  // and who put each shipment into the pool, for the other side of a number collision.
  `
  ALTER TABLE stations ADD COLUMN code integer UNIQUE CHECK (code BETWEEN 1 AND 999);
  UPDATE stations s SET code = n.code
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS code FROM stations) n WHERE n.id = s.id;
  ALTER TABLE shipments ADD COLUMN created_by text NOT NULL DEFAULT '';
  ALTER TABLE shipments ADD COLUMN created_at timestamptz NOT NULL DEFAULT clock_timestamp();
  `,
  // 3: the pool can be seen (docs/HUB.md, "Seeing the pool"): each station's app version and how far
  // it has read the feed; administrators' tokens (sha256 only, as stations'); applied operations
  // counted per station and day.
  `
  ALTER TABLE stations ADD COLUMN app_version text;
  ALTER TABLE stations ADD COLUMN feed_cursor text;
  ALTER TABLE stations ADD COLUMN pulled_at timestamptz;
  CREATE TABLE admins (
    name       text PRIMARY KEY,
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
  );
  CREATE INDEX operations_station_day ON operations(station, received_at) WHERE verdict = 'applied';
  `,
];
