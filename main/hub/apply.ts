// Applies a station's batch of operations, each exactly once: the op id is recorded in the same
// transaction as its effect, so a retried op (the station never heard the answer) gets the stored
// verdict back, and two hubs receiving the same op at once serialise on its primary key.
// One transaction per batch (one commit, one flush to disk), each operation inside its own savepoint:
// an operation PostgreSQL cannot store is rolled back alone and refused (docs/HUB.md, "Operations").
import { OperationSchema, VerdictSchema, type Operation, type Verdict } from '../../shared/hub';
import { inTransaction, pgCode, type HubClient, type HubPool } from './db/pool';
import { readState } from './poolRows';
import { decide } from './rules';
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

async function applyParsed(c: HubClient, call: StationCall, op: Operation): Promise<Verdict> {
  const recorded = await c.query<{ seq: string }>(
    `INSERT INTO operations (op_id, station, kind, shipment_no, base_version, scan_at, protocol, app, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (op_id) DO NOTHING RETURNING seq::text`,
    [op.opId, call.station, op.kind, op.shipmentNo, op.baseVersion, op.scanAt, call.protocol, call.app, op.payload],
  );
  const seq = recorded.rows[0]?.seq;
  if (seq === undefined) return replayed(c, call, op);
  const d = await decide(c, { station: call.station, stationCode: call.stationCode, opId: op.opId }, op);
  const verdict: Verdict = {
    opId: op.opId,
    verdict: d.verdict,
    seq: Number(seq),
    state: await readState(c, op.shipmentNo),
    winner: d.winner,
    reason: d.reason,
    code: d.code,
  };
  await c.query('UPDATE operations SET verdict = $2, answer = $3 WHERE op_id = $1', [op.opId, d.verdict, verdict]);
  return verdict;
}

/** SQLSTATE class 22, "data exception": this operation's data, not the database, is the trouble. */
const isDataException = (err: unknown) => pgCode(err)?.startsWith('22') ?? false;

/**
 * A station's batch, in the order it queued it (its own operations on one shipment must not
 * overtake). Any other database failure fails the whole batch (nothing of it is kept; the station
 * retries it); a serialization failure or deadlock retries the whole batch here.
 */
export async function applyBatch(pool: HubPool, call: StationCall, raws: readonly unknown[]): Promise<Verdict[]> {
  const checked = raws.map(check);
  if (checked.every((x) => 'verdict' in x)) return checked.filter((x): x is Verdict => 'verdict' in x);
  return inTransaction(pool, async (c) => {
    if (call.seenDue) await markSeen(c, call.station, call.app === 'unknown' ? null : call.app);
    const verdicts: Verdict[] = [];
    let open = false;
    for (const x of checked) {
      if ('verdict' in x) {
        verdicts.push(x);
        continue;
      }
      // One round trip: the last operation's savepoint is released as this one's is set (the
      // batch's COMMIT releases the last).
      await c.query(open ? 'RELEASE SAVEPOINT op; SAVEPOINT op' : 'SAVEPOINT op');
      open = true;
      try {
        verdicts.push(await applyParsed(c, call, x));
      } catch (err) {
        if (!isDataException(err)) throw err;
        await c.query('ROLLBACK TO SAVEPOINT op');
        verdicts.push(
          refused(
            x.opId,
            'INVALID_INPUT',
            `The pool cannot store this operation (${err instanceof Error ? err.message.slice(0, 300) : 'data error'}). Correct it at the station and make the change again.`,
          ),
        );
      }
    }
    return verdicts;
  });
}
