import { problem } from '@cp/shared';
import { badInput } from './domain-error';
import type { CountResult, Page } from './connection';
import { groupBy } from './group-by';

/**
 * Keyset pagination: a list is ordered by some SQL expressions ending on a
 * unique id; a cursor holds the last row's values of those expressions, and
 * the next page asks for rows strictly after them. No OFFSET, so page 10,000
 * costs what page 1 costs, and rows added meanwhile never shift a page.
 */
export interface SortKey {
  /** SQL expression over the list's alias. */
  sql: string;
  /** PostgreSQL type to cast the cursor's text back to. */
  type: 'text' | 'boolean' | 'timestamptz' | 'uuid' | 'numeric' | 'integer' | 'bigint';
}

export interface KeysetOrder {
  /** Identifies the order inside cursors, so a cursor from another order is refused. */
  name: string;
  keys: SortKey[];
  descending: boolean;
}

interface Cursor {
  o: string;
  k: string[];
}

export function encodeCursor(order: KeysetOrder, values: string[]): string {
  return Buffer.from(JSON.stringify({ o: order.name, k: values } satisfies Cursor)).toString('base64url');
}

function decodeCursor(order: KeysetOrder, cursor: string): string[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (parsed.o === order.name && Array.isArray(parsed.k) && parsed.k.length === order.keys.length && parsed.k.every((v) => typeof v === 'string')) {
      return parsed.k;
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(problem('BAD_CURSOR'), 'after');
}

/** `SELECT` list items exposing each key as text (k0, k1, ...), for building cursors. */
export function keySelect(order: KeysetOrder): string {
  return order.keys.map((key, i) => `(${key.sql})::text AS k${i}`).join(', ');
}

export function keyOrderBy(order: KeysetOrder): string {
  return order.keys.map((key) => `${key.sql} ${order.descending ? 'DESC' : 'ASC'}`).join(', ');
}

/**
 * The "after this cursor" condition as one row comparison (which PostgreSQL
 * can answer from a matching index); params are appended to `params`.
 */
export function keyAfter(order: KeysetOrder, cursor: string, params: unknown[]): string {
  const values = decodeCursor(order, cursor);
  const placeholders = order.keys.map((key, i) => {
    params.push(values[i]);
    return `$${params.length}::${key.type}`;
  });
  return `(${order.keys.map((k) => k.sql).join(', ')}) ${order.descending ? '<' : '>'} (${placeholders.join(', ')})`;
}

export function rowCursor(order: KeysetOrder, row: Record<string, unknown>): string {
  return encodeCursor(order, order.keys.map((_, i) => String(row[`k${i}`])));
}

export interface KeysetQuery<T> {
  db: { query(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> };
  /** `FROM <table> <alias>` and the columns to select. */
  from: string;
  columns: string;
  /** Conditions that define the list (also what a count counts). */
  where: string[];
  params: unknown[];
  order: KeysetOrder;
  first: number;
  after?: string | null;
  toNode: (row: Record<string, unknown>) => T;
  count: (filterSql: string, filterParams: unknown[]) => Promise<CountResult>;
  /**
   * For conditions PostgreSQL cannot size (detail filters): the id column,
   * and how many matches count as few. The page statement first collects up
   * to `limit` matching ids; fewer are sorted, more are found by walking
   * the order (see `keysetPage`).
   */
  fewFirst?: { id: string; limit: number };
}

/** One page of a keyset-ordered list: first + 1 rows tell whether another page follows. */
export async function keysetPage<T>(q: KeysetQuery<T>): Promise<Page<T>> {
  const filterSql = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const filterParams = [...q.params];
  const params = [...q.params];
  const after = q.after ? [keyAfter(q.order, q.after, params)] : [];
  const pageWhere = [...q.where, ...after];
  params.push(q.first + 1);
  const select = (where: string[]) =>
    `SELECT ${q.columns}, ${keySelect(q.order)} FROM ${q.from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${keyOrderBy(q.order)} LIMIT $${params.length}`;
  const rows = await q.db.query(q.fewFirst && q.where.length ? fewFirstPage(q.fewFirst, q.from, filterSql, after, pageWhere, select) : select(pageWhere), params);
  const pageRows = rows.slice(0, q.first);
  return {
    nodes: pageRows.map(q.toNode),
    cursors: pageRows.map((row) => rowCursor(q.order, row)),
    hasNextPage: rows.length > q.first,
    count: () => q.count(filterSql, filterParams),
  };
}

/**
 * One page statement choosing its plan by the number of matches, which
 * PostgreSQL guesses badly for JSONB containment (a flat 0.1 %): it
 * collects up to `limit` matching ids (its own plan: an index for a rare
 * value, a scan that stops early for a common one); when fewer come back,
 * the page is those ids sorted, else the order is walked with the
 * conditions. Each branch's guard is evaluated once, so only one runs. At
 * 1M customers a date equal to one day sorted by a select took 0.7–2.9 s by
 * walking the select's index (its filter matched 200 customers).
 */
function fewFirstPage(
  few: { id: string; limit: number },
  from: string,
  filterSql: string,
  after: string[],
  pageWhere: string[],
  select: (where: string[]) => string,
): string {
  const n = `(SELECT count(*) FROM few)`;
  return `WITH few AS MATERIALIZED (SELECT ${few.id} AS id FROM ${from} ${filterSql} LIMIT ${few.limit})
    (${select([`${few.id} IN (SELECT id FROM few)`, ...after, `${n} < ${few.limit}`])})
    UNION ALL
    (${select([...pageWhere, `${n} >= ${few.limit}`])})`;
}

export interface KeysetWalk<T> extends Omit<KeysetQuery<T>, 'from'> {
  /** The table walked and its alias (the one `columns`, `where`, `match` and the keys use). */
  table: string;
  alias: string;
  /** The condition a walked row must also meet to be on the page (a search). */
  match: string;
  /** The most rows of the list (`where`) walked, in its order, to fill the page. */
  budget: number;
}

/**
 * One page of the rows of a keyset-ordered list that also meet `match`,
 * found by walking the list in its order (its index) and keeping the rows
 * that match, for at most `budget` rows: a page of a condition many rows
 * meet fills after a few hundred rows, which beats finding every match and
 * sorting them. The walk reads only the row's id, keys and what `where`
 * and `match` need (an index that covers them walks without the table);
 * the page's columns are read for its rows alone. Resolves `null` when the
 * budget ran out before the page filled (matches are sparse there, or lie
 * further on): the caller finds the matches another way. `count` is given
 * the conditions with `match`.
 */
export async function keysetWalk<T>(q: KeysetWalk<T>): Promise<Page<T> | null> {
  const { alias } = q;
  const filterParams = [...q.params];
  const params = [...q.params];
  const walkWhere = q.after ? [...q.where, keyAfter(q.order, q.after, params)] : q.where;
  const sorted = q.order.keys.map((_, i) => `_s${i} ${q.order.descending ? 'DESC' : 'ASC'}`).join(', ');
  // The walk's keys are columns of each subquery and each level orders by them, so PostgreSQL keeps the index order up to
  // the page's LIMIT and stops there; row_number() marks the budget's last row, returned when fewer matches precede it.
  const rows = await q.db.query(
    `SELECT ${q.columns}, ${keySelect(q.order)}, w.hit, w.walked FROM (
       SELECT s.*, row_number() OVER (ORDER BY ${sorted}) AS walked FROM (
         SELECT ${alias}.id AS _id, ${q.order.keys.map((key, i) => `${key.sql} AS _s${i}`).join(', ')}, (${q.match}) AS hit
           FROM ${q.table} ${alias} ${walkWhere.length ? `WHERE ${walkWhere.join(' AND ')}` : ''}
          ORDER BY ${keyOrderBy(q.order)} LIMIT ${q.budget}) s
        ORDER BY ${sorted}) w
     JOIN ${q.table} ${alias} ON ${alias}.id = w._id
    WHERE w.hit OR w.walked = ${q.budget}
    ORDER BY ${q.order.keys.map((_, i) => `w._s${i} ${q.order.descending ? 'DESC' : 'ASC'}`).join(', ')} LIMIT ${q.first + 2}`,
    params,
  );
  const hits = rows.filter((row) => row.hit);
  if (hits.length <= q.first && rows.some((row) => Number(row.walked) === q.budget)) return null;
  const pageRows = hits.slice(0, q.first);
  return {
    nodes: pageRows.map(q.toNode),
    cursors: pageRows.map((row) => rowCursor(q.order, row)),
    hasNextPage: hits.length > q.first,
    count: () => q.count(`WHERE ${[...q.where, q.match].join(' AND ')}`, filterParams),
  };
}

/** A page without its count: batched lists count through a loader of their own. */
export type PageRows<T> = Omit<Page<T>, 'count'>;

/** One parent's page of a nested list (the DataLoader key); parents asking with equal `first` and `after` share one statement. */
export interface ParentPageKey {
  parentId: string;
  first: number;
  after?: string | null;
}

export interface ParentPagesQuery<T> extends Pick<KeysetQuery<T>, 'db' | 'from' | 'columns' | 'order' | 'first' | 'after' | 'toNode'> {
  parentIds: readonly string[];
  /** Conditions tying a row to its parent, which is `p.id`, plus any filters of the list. */
  where: string[];
  /** Parameters of `where` from $2 on ($1 is the parent ids). */
  params: unknown[];
}

/**
 * The same keyset page for many parents in one statement: a LATERAL
 * subquery runs the page (first + 1 rows, in the order's index order) once
 * per parent id, so 50 parents cost what 5 cost. Pages come back in the
 * order of `parentIds`, empty for a parent without rows. Throws BAD_CURSOR
 * for a cursor of another order.
 */
export async function parentPages<T>(q: ParentPagesQuery<T>): Promise<Array<PageRows<T>>> {
  const params: unknown[] = [q.parentIds, ...q.params];
  const where = q.after ? [...q.where, keyAfter(q.order, q.after, params)] : q.where;
  params.push(q.first + 1);
  // A LATERAL reference makes PostgreSQL run the subquery once per parent (a nested loop), so each parent's rows arrive in its ORDER BY.
  const rows = await q.db.query(
    `SELECT p.id AS "parentId", page.* FROM unnest($1::uuid[]) AS p(id)
       CROSS JOIN LATERAL (
         SELECT ${q.columns}, ${keySelect(q.order)} FROM ${q.from}
          WHERE ${where.join(' AND ')} ORDER BY ${keyOrderBy(q.order)} LIMIT $${params.length}) page`,
    params,
  );
  return groupBy(q.parentIds, rows, (row) => row.parentId as string).map((parentRows) => {
    const pageRows = parentRows.slice(0, q.first);
    return {
      nodes: pageRows.map(q.toNode),
      cursors: pageRows.map((row) => rowCursor(q.order, row)),
      hasNextPage: parentRows.length > q.first,
    };
  });
}

/**
 * A DataLoader batch split by the arguments its keys share (`argsOf`, compared
 * as JSON): `load` runs once per group, groups in parallel. A group that
 * fails (say, a bad cursor) fails only its own keys, not the other parents'
 * pages. Answers in the order of `keys`, as DataLoader wants.
 */
export async function batchByArgs<K, R>(keys: readonly K[], argsOf: (key: K) => unknown[], load: (group: K[]) => Promise<R[]>): Promise<Array<R | Error>> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const args = JSON.stringify(argsOf(key));
    groups.set(args, [...(groups.get(args) ?? []), key]);
  }
  const results = new Map<K, R | Error>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      try {
        (await load(group)).forEach((result, i) => results.set(group[i], result));
      } catch (error) {
        for (const key of group) results.set(key, error as Error);
      }
    }),
  );
  return keys.map((key) => results.get(key)!);
}
