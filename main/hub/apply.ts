// Applies a station's batch of operations, each exactly once: the op id is recorded in the same
// transaction as its effect, so a retried op (the station never heard the answer) gets the stored
// verdict back, and two hubs receiving the same op at once serialise on its primary key.
// One transaction per batch (one commit, one flush to disk), every operation all or nothing: an
// operation PostgreSQL cannot store is rolled back alone and refused (docs/HUB.md, "Operations").
import { OperationSchema, VerdictSchema, type Operation, type Verdict } from '../../shared/hub';
import { inTransaction, pgCode, type HubClient, type HubPool } from './db/pool';
import { readState } from './poolRows';
import { decide, locksOwnShipment, numberLockOf } from './rules';
import { markSeen } from './stations';
import { unstorableText } from './storableText';

export interface StationCall {
  station: string;
  /** The station's code in the shipment numbers it mints. */
  stationCode: number;
  protocol: number;
  app: string;
  /** "Last seen" is due: written in the batch's transaction (no commit of its own). */
  seenDue?: boolean;
}

function refused(opId: string, code: string, reason: string): Verdict {
  return { opId, verdict: 'rejected', seq: null, state: null, winner: null, reason, code };
}

function unreadable(raw: unknown, detail: string): Verdict {
  const opId =
    typeof raw === 'object' && raw !== null && 'opId' in raw && typeof raw.opId === 'string'
      ? raw.opId.slice(0, 60)
      : '';
  return refused(
    opId,
    'INVALID_INPUT',
    `The hub could not read this operation (${detail}). It stays in the station's queue; update the station or report it.`,
  );
}

/** A malformed operation, or one with text PostgreSQL cannot store: refused without touching the pool. */
function check(raw: unknown): Operation | Verdict {
  const parsed = OperationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return unreadable(raw, issue ? `${issue.path.join('.') || 'operation'}: ${issue.message}` : 'not an operation');
  }
  const bad = unstorableText(parsed.data);
  if (bad)
    return refused(
      parsed.data.opId,
      'INVALID_TEXT',
      `${bad.field} contains ${bad.what}, which the pool cannot store. Correct the text at the station and make the change again.`,
    );
  return parsed.data;
}

/**
 * The op id is already in the pool. The same operation from the same station is a retry: its stored
 * verdict. The id with another change or from another station is refused: answering the stored
 * verdict would tell the station the pool took something it never took.
 */
async function replayed(c: HubClient, call: StationCall, op: Operation): Promise<Verdict> {
  const { rows } = await c.query<{ answer: unknown; same: boolean }>(
    `SELECT answer, station = $2 AND kind = $3 AND shipment_no = $4 AND base_version IS NOT DISTINCT FROM $5
            AND scan_at = $6 AND payload = $7::jsonb AS same
     FROM operations WHERE op_id = $1`,
    [op.opId, call.station, op.kind, op.shipmentNo, op.baseVersion, op.scanAt, op.payload],
  );
  if (!rows[0]?.same)
    return refused(
      op.opId,
      'OP_ID_REUSED',
      `The pool already has operation ${op.opId} for another change or from another station; this change was not applied. Report it: the station's operation ids must be unique.`,
    );
  return VerdictSchema.parse(rows[0].answer);
}

const RECORD = `INSERT INTO operations (op_id, station, kind, shipment_no, base_version, scan_at, protocol, app, payload)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (op_id) DO NOTHING RETURNING seq`;

/**
 * Records the op id; for an operation whose decision starts by locking its own shipment, the row is
 * locked in the same statement (after the record, as before: one round trip less), and then a
 * registration's number lock (`numberLockOf`). Locks in a statement are all it takes: the shipment
 * and the number's other holders are read in later statements, with snapshots taken after the locks
 * (docs/HUB.md, "Operations").
 */
async function record(c: HubClient, call: StationCall, op: Operation, lock: boolean, numberLock: string | null) {
  const values = [
    op.opId,
    call.station,
    op.kind,
    op.shipmentNo,
    op.baseVersion,
    op.scanAt,
    call.protocol,
    call.app,
    op.payload,
  ];
  if (!lock)
    return c.query<{ seq: string }>({
      name: 'hub.recordOperation',
      text: `WITH o AS (${RECORD}) SELECT seq::text FROM o`,
      values,
    });
  // Materialized one after the other: the shipment first, then its number (the order every
  // registration locks in), and neither when the op id was already recorded.
  const shipment = `WITH o AS (${RECORD}),
      l AS MATERIALIZED (SELECT shipment_no FROM shipments WHERE shipment_no = $4 AND EXISTS (SELECT 1 FROM o) FOR UPDATE)`;
  if (!numberLock)
    return c.query<{ seq: string }>({
      name: 'hub.recordOperationAndLock',
      text: `${shipment} SELECT o.seq::text, (SELECT count(*) FROM l) AS locked FROM o`,
      values,
    });
  return c.query<{ seq: string }>({
    name: 'hub.recordOperationAndLockNumber',
    text: `${shipment}, n AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext($10)) FROM l)
      SELECT o.seq::text, (SELECT count(*) FROM n) AS locked FROM o`,
    values: [...values, numberLock],
  });
}

/**
 * The batch's verdicts, written to their op records in one statement rather than one per operation
 * (docs/HUB.md, "Operations"): before anything in the batch reads the operations table again (a
 * retried op's stored verdict, a conflict's other side) and before the commit.
 */
class VerdictLog {
  private readonly all: Verdict[] = [];
  private written = 0;
  constructor(private readonly c: HubClient) {}

  add(v: Verdict): void {
    this.all.push(v);
  }

  /** Where the log stands as an operation starts: `rewind` to it when the operation is rolled back. */
  mark(): number {
    return this.written;
  }

  /** The operation's savepoint was rolled back, and with it what was written since `mark`. */
  rewind(to: number): void {
    this.written = Math.min(this.written, to);
  }

  async write(): Promise<void> {
    if (this.written === this.all.length) return;
    const rows = this.all.slice(this.written).map((v) => ({ op_id: v.opId, verdict: v.verdict, answer: v }));
    await this.c.query({
      name: 'hub.writeVerdicts',
      text: `UPDATE operations o SET verdict = v.verdict, answer = v.answer
             FROM jsonb_to_recordset($1::jsonb) AS v(op_id uuid, verdict text, answer jsonb) WHERE o.op_id = v.op_id`,
      values: [JSON.stringify(rows)],
    });
    this.written = this.all.length;
  }
}

async function applyParsed(c: HubClient, call: StationCall, op: Operation, log: VerdictLog): Promise<Verdict> {
  const lock = locksOwnShipment(op);
  const numberLock = lock ? numberLockOf(op) : null;
  const recorded = await record(c, call, op, lock, numberLock);
  const seq = recorded.rows[0]?.seq;
  if (seq === undefined) {
    await log.write();
    return replayed(c, call, op);
  }
  const who = {
    station: call.station,
    stationCode: call.stationCode,
    opId: op.opId,
    settle: () => log.write(),
    heldNumber: numberLock,
  };
  const d = await decide(c, who, op, lock);
  const verdict: Verdict = {
    opId: op.opId,
    verdict: d.verdict,
    seq: Number(seq),
    state: d.state !== undefined && d.state?.shipmentNo === op.shipmentNo ? d.state : await readState(c, op.shipmentNo),
    winner: d.winner,
    reason: d.reason,
    code: d.code,
  };
  log.add(verdict);
  return verdict;
}

/** SQLSTATE class 22, "data exception": this operation's data, not the database, is the trouble. */
const isDataException = (err: unknown) => pgCode(err)?.startsWith('22') ?? false;

/**
 * The batch in one transaction. `guarded`: each operation in its own savepoint, so one that
 * PostgreSQL cannot store is rolled back alone and refused. Unguarded, such an operation fails the
 * whole transaction (nothing of it is kept) and the caller runs the batch again guarded.
 */
function applyChecked(pool: HubPool, call: StationCall, checked: readonly (Operation | Verdict)[], guarded: boolean) {
  return inTransaction(pool, async (c) => {
    if (call.seenDue) await markSeen(c, call.station, call.app === 'unknown' ? null : call.app);
    const log = new VerdictLog(c);
    const verdicts: Verdict[] = [];
    let open = false;
    for (const x of checked) {
      if ('verdict' in x) {
        verdicts.push(x);
        continue;
      }
      if (!guarded) {
        verdicts.push(await applyParsed(c, call, x, log));
        continue;
      }
      // One round trip: the last operation's savepoint is released as this one's is set (the
      // batch's COMMIT releases the last).
      await c.query(open ? 'RELEASE SAVEPOINT op; SAVEPOINT op' : 'SAVEPOINT op');
      open = true;
      const mark = log.mark();
      try {
        verdicts.push(await applyParsed(c, call, x, log));
      } catch (err) {
        if (!isDataException(err)) throw err;
        await c.query('ROLLBACK TO SAVEPOINT op');
        log.rewind(mark);
        verdicts.push(
          refused(
            x.opId,
            'INVALID_INPUT',
            `The pool cannot store this operation (${err instanceof Error ? err.message.slice(0, 300) : 'data error'}). Correct it at the station and make the change again.`,
          ),
        );
      }
    }
    await log.write();
    return verdicts;
  });
}

/**
 * A station's batch, in the order it queued it (its own operations on one shipment must not
 * overtake). Any other database failure fails the whole batch (nothing of it is kept; the station
 * retries it); a serialization failure or deadlock retries the whole batch here.
 * First without savepoints (a round trip per operation fewer: docs/HUB.md, "Operations"); an
 * operation PostgreSQL cannot store undoes that attempt whole, and the batch runs again with one
 * savepoint per operation, so only that operation is refused.
 */
export async function applyBatch(pool: HubPool, call: StationCall, raws: readonly unknown[]): Promise<Verdict[]> {
  const checked = raws.map(check);
  if (checked.every((x) => 'verdict' in x)) return checked.filter((x): x is Verdict => 'verdict' in x);
  try {
    return await applyChecked(pool, call, checked, false);
  } catch (err) {
    if (!isDataException(err)) throw err;
    return applyChecked(pool, call, checked, true);
  }
}
