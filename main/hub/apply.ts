// Applies a station's operation exactly once: the op id is recorded in the same transaction as its
// effect, so a retried op (the station never heard the answer) gets the stored verdict back, and two
// hubs receiving the same op at once serialise on its primary key.
import { OperationSchema, VerdictSchema, type Operation, type Verdict } from '../../shared/hub';
import { inTransaction, type HubClient, type HubPool } from './db/pool';
import { readState } from './poolRows';
import { decide } from './rules';

export interface StationCall {
  station: string;
  /** The station's code in the shipment numbers it mints. */
  stationCode: number;
  protocol: number;
  app: string;
}

function unreadable(raw: unknown, detail: string): Verdict {
  const opId =
    typeof raw === 'object' && raw !== null && 'opId' in raw && typeof raw.opId === 'string'
      ? raw.opId.slice(0, 60)
      : '';
  return {
    opId,
    verdict: 'rejected',
    seq: null,
    state: null,
    winner: null,
    reason: `The hub could not read this operation (${detail}). It stays in the station's queue; update the station or report it.`,
    code: 'INVALID_INPUT',
  };
}

async function storedVerdict(c: HubClient, opId: string): Promise<Verdict> {
  const { rows } = await c.query<{ answer: unknown }>('SELECT answer FROM operations WHERE op_id = $1', [opId]);
  return VerdictSchema.parse(rows[0]?.answer);
}

async function applyParsed(c: HubClient, call: StationCall, op: Operation): Promise<Verdict> {
  const recorded = await c.query<{ seq: string }>(
    `INSERT INTO operations (op_id, station, kind, shipment_no, base_version, scan_at, protocol, app, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (op_id) DO NOTHING RETURNING seq::text`,
    [op.opId, call.station, op.kind, op.shipmentNo, op.baseVersion, op.scanAt, call.protocol, call.app, op.payload],
  );
  const seq = recorded.rows[0]?.seq;
  if (seq === undefined) return storedVerdict(c, op.opId);
  const d = await decide(c, { station: call.station, opId: op.opId }, op);
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

/** One operation, one transaction. A malformed operation is refused without touching the pool. */
export async function applyOperation(pool: HubPool, call: StationCall, raw: unknown): Promise<Verdict> {
  const parsed = OperationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return unreadable(raw, issue ? `${issue.path.join('.') || 'operation'}: ${issue.message}` : 'not an operation');
  }
  return inTransaction(pool, (c) => applyParsed(c, call, parsed.data));
}
