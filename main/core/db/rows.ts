// Rows read from SQLite are parsed, not cast (docs/ARCHITECTURE.md "Rows from SQLite"): each query
// names the shape it expects once, and a row of another shape (a damaged file, a column renamed
// without its readers) fails with the reader's name instead of travelling on as a wrong value.
import { z } from 'zod';

export interface RowReader<Row> {
  /** The row of a `.get()`, or undefined when the query found none. */
  one(row: unknown): Row | undefined;
  /** The row of a `.get()` that always finds one (a count, an aggregate, a row just read by its id). */
  single(row: unknown): Row;
  /** The rows of an `.all()` (or of a pragma, which better-sqlite3 types as unknown). */
  all(rows: unknown): Row[];
}

/** The row type a reader gives: `type PurgedCounts = RowOf<typeof purgedCountsRow>`. */
export type RowOf<R> = R extends RowReader<infer Row> ? Row : never;

/** Raised when a row is not of its reader's shape: a defect or a damaged database, never the operator's input. */
export class RowShapeError extends Error {
  constructor(
    readonly reader: string,
    readonly issues: string,
  ) {
    super(`A row read as "${reader}" is not of its expected shape: ${issues}`);
    this.name = 'RowShapeError';
  }
}

/** A reader for one query's rows: `const Old = rowReader('ended invoice', z.object({ ... }))`. */
export function rowReader<S extends z.ZodType>(name: string, schema: S): RowReader<z.output<S>> {
  const parse = (row: unknown): z.output<S> => {
    const r = schema.safeParse(row);
    if (r.success) return r.data;
    throw new RowShapeError(
      name,
      r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'row'}: ${i.message}`)
        .join('; '),
    );
  };
  return {
    one: (row) => (row === undefined ? undefined : parse(row)),
    single: (row) => {
      if (row === undefined) throw new RowShapeError(name, 'the query found no row');
      return parse(row);
    },
    all: (rows) => {
      if (!Array.isArray(rows)) throw new RowShapeError(name, 'the answer is not a list of rows');
      return rows.map(parse);
    },
  };
}

/** `SELECT count(*) AS n ...`: every count query's one row. */
export const countRow = rowReader('count', z.object({ n: z.number() }));

/** `SELECT id ...`: a row found by its code, number or name. */
export const idRow = rowReader('row id', z.object({ id: z.number() }));
