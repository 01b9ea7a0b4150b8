// What carriers sent that Shipdesk could not use as is: kept (with a count) so the operator can see it,
// and logged once per kind, carrier and subject, so a bad feed cannot flood the log.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import type { SyncProblemView } from '../../../shared/api/contract';
import type { Logger } from '../log/logger';
import { iso } from '../domain/time';
import type { ServiceContext } from '../services/context';

export type ProblemKind =
  | 'unknown_status' // subject: the raw code
  | 'bad_time' // an event without a readable time (dropped)
  | 'future_time' // stored at the moment it was received
  | 'missing_zone' // read in the carrier's home zone
  | 'malformed_answer'
  | 'answer_too_large'
  | 'unauthorized'
  | 'invalid_number' // the carrier said the number is invalid
  | 'contradiction' // e.g. "invalid" for a number that already has events
  | 'key_file';

export interface ProblemLog {
  record(kind: ProblemKind, carrierId: string, subject: string, detail: string): void;
}

export function createProblemLog(ctx: ServiceContext, log: Logger): ProblemLog {
  const logged = new Set<string>();
  return {
    record(kind, carrierId, subject, detail) {
      const now = ctx.clock();
      ctx
        .prepare(
          `INSERT INTO sync_problems (kind, carrier_id, subject, detail, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (kind, carrier_id, subject) DO UPDATE SET count = count + 1, detail = excluded.detail, last_at = excluded.last_at`,
        )
        .run(kind, carrierId, subject.slice(0, 200), detail.slice(0, 500), now, now);
      const key = `${kind}|${carrierId}|${subject}`;
      if (logged.has(key)) return;
      logged.add(key);
      log.warn(`tracking sync: ${kind.replace(/_/g, ' ')}`, {
        carrierId,
        subject: subject.slice(0, 80),
        detail: detail.slice(0, 200),
      });
    },
  };
}

const syncProblem = rowReader(
  'sync problem',
  z.object({
    kind: z.string(),
    carrier_id: z.string(),
    subject: z.string(),
    detail: z.string(),
    count: z.number(),
    first_at: z.number(),
    last_at: z.number(),
  }),
);

export function listProblems(ctx: ServiceContext, limit: number): SyncProblemView[] {
  const rows = syncProblem.all(
    ctx
      .prepare(
        'SELECT kind, carrier_id, subject, detail, count, first_at, last_at FROM sync_problems ORDER BY last_at DESC, id DESC LIMIT ?',
      )
      .all(limit),
  );
  return rows.map((r) => ({
    kind: r.kind,
    carrierId: r.carrier_id,
    subject: r.subject,
    detail: r.detail,
    count: r.count,
    firstAt: iso(r.first_at),
    lastAt: iso(r.last_at),
  }));
}
