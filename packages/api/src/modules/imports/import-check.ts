import type { EntityManager } from 'typeorm';
import { problem, shownValue, type Problem } from '@cp/shared';
import type { DetailField } from '../detail-fields/detail-field.entity';
import { DetailFieldType } from '../detail-fields/detail-field.enums';
import { insertImportErrors } from './import-errors';
import type { ImportTarget } from './import-kinds';
import type { RowError } from './import-rows';

/** How many rows of a job have each outcome. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** Where a staged column came from in the file, for the errors that name it. */
export type ColumnPlaces = Partial<Record<'external_id' | 'email' | 'username' | 'name' | 'organizations', { position: number; header: string }>>;

type Found = { row_no: number; line: number; value: string | null; first_line?: number };

/**
 * Decides every staged row's outcome at once (set-based, inside `tx`), after
 * the cell checks of staging:
 * 1. a key value (external id, email, username; organization name) seen on
 *    an earlier line fails the later row (IMPORT_REPEATED_ROW), ignoring case;
 * 2. rows match records by the keys in order (`target.keys`), and a second
 *    row matching the same record fails (IMPORT_SAME_RECORD_AS_LINE);
 * 3. a key value that belongs to another record than the matched one fails
 *    (IMPORT_IDENTIFIER_TAKEN); a user-field value given as an agent's
 *    email becomes that agent's id, and one that is no agent fails
 *    (INVALID_DETAIL_VALUE NOT_AN_AGENT); an unmatched row that cannot
 *    create a record fails (IMPORT_ROW_NEEDS_IDENTIFIER / _NAME);
 * 4. unmatched rows are `created` (their new id chosen now, so a resumed
 *    write inserts the same record), matched rows `updated` when anything
 *    they write differs from what is stored, else `unchanged`; a key
 *    (email, username; organization name) equal to the stored one but for
 *    case or spacing keeps the stored spelling (it matched, it renames nothing).
 * Every failure is recorded in `import_errors` with its line.
 */
export async function checkStagedRows(tx: EntityManager, jobId: string, target: ImportTarget, places: ColumnPlaces, fields: readonly DetailField[]): Promise<ImportCounts> {
  const table = target.owner.table;
  const errors: Array<RowError & { rowNo: number }> = [];
  const fail = (found: Found, place: { position: number; header: string } | undefined, refusal: Problem, value: string | null = found.value, fieldId: string | null = null) =>
    errors.push({ rowNo: found.row_no, line: found.line, position: place?.position ?? null, header: place?.header ?? null, fieldId, value, problem: refusal });
  const flush = async () => {
    if (errors.length === 0) return;
    await tx.query(`UPDATE import_rows SET failed = true WHERE job_id = $1 AND row_no = ANY($2::int[])`, [jobId, errors.map((e) => e.rowNo)]);
    await insertImportErrors(tx, jobId, errors);
    errors.length = 0;
  };

  for (const key of target.keys) {
    const repeats: Found[] = await tx.query(
      `SELECT row_no, line, value, first_line FROM (
         SELECT row_no, line, ${key.staged}::text AS value, first_value(line) OVER (PARTITION BY lower(${key.staged}::text) ORDER BY line) AS first_line
           FROM import_rows WHERE job_id = $1 AND ${key.staged} IS NOT NULL) k
        WHERE line > first_line`,
      [jobId],
    );
    for (const r of repeats) fail(r, places[key.staged], problem('IMPORT_REPEATED_ROW', { column: key.header, value: shownValue(r.value), firstLine: r.first_line! }));
  }
  await flush();

  const matches = target.keys.map((key) => `(SELECT t.id FROM ${table} t WHERE t.${key.column} = r.${key.staged}::${key.type})`);
  // Only matched rows are rewritten (staged rows have no target yet): a file of new records costs no pass here.
  await tx.query(
    `UPDATE import_rows r SET target_id = m.id FROM (SELECT row_no, coalesce(${matches.join(', ')}) AS id FROM import_rows r WHERE r.job_id = $1 AND NOT r.failed) m
      WHERE r.job_id = $1 AND r.row_no = m.row_no AND m.id IS NOT NULL`,
    [jobId],
  );
  const sameRecord: Found[] = await tx.query(
    `SELECT row_no, line, NULL AS value, first_line FROM (
       SELECT row_no, line, first_value(line) OVER (PARTITION BY target_id ORDER BY line) AS first_line
         FROM import_rows WHERE job_id = $1 AND NOT failed AND target_id IS NOT NULL) k
      WHERE line > first_line`,
    [jobId],
  );
  for (const r of sameRecord) fail(r, undefined, problem('IMPORT_SAME_RECORD_AS_LINE', { firstLine: r.first_line! }));

  for (const key of target.keys) {
    const taken: Found[] = await tx.query(
      `SELECT r.row_no, r.line, r.${key.staged}::text AS value FROM import_rows r JOIN ${table} t ON t.${key.column} = r.${key.staged}::${key.type}
        WHERE r.job_id = $1 AND NOT r.failed AND t.id IS DISTINCT FROM r.target_id`,
      [jobId],
    );
    for (const r of taken) fail(r, places[key.staged], problem('IMPORT_IDENTIFIER_TAKEN', { column: key.header, value: shownValue(r.value) }));
  }
  for (const field of fields.filter((f) => f.type === DetailFieldType.USER)) {
    await tx.query(
      `UPDATE import_rows r SET details = jsonb_set(r.details, ARRAY[$2], to_jsonb(a.id::text)) FROM agents a
        WHERE r.job_id = $1 AND NOT r.failed AND r.details ? $2 AND strpos(r.details ->> $2, '@') > 0 AND a.email = (r.details ->> $2)::citext`,
      [jobId, field.key],
    );
    const strangers: Found[] = await tx.query(
      `SELECT row_no, line, details ->> $2 AS value FROM import_rows r
        WHERE job_id = $1 AND NOT failed AND details ? $2 AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.id::text = r.details ->> $2)`,
      [jobId, field.key],
    );
    for (const r of strangers) {
      fail(r, undefined, problem('INVALID_DETAIL_VALUE', { label: field.label, value: shownValue(r.value), problem: problem('NOT_AN_AGENT') }), r.value, field.id);
    }
  }
  const creatable = target.kind === 'customers' ? 'email IS NOT NULL OR username IS NOT NULL' : 'name IS NOT NULL';
  const unmatched: Found[] = await tx.query(`SELECT row_no, line, NULL AS value FROM import_rows WHERE job_id = $1 AND NOT failed AND target_id IS NULL AND NOT (${creatable})`, [jobId]);
  for (const r of unmatched) fail(r, undefined, problem(target.kind === 'customers' ? 'IMPORT_ROW_NEEDS_IDENTIFIER' : 'IMPORT_ROW_NEEDS_NAME'));
  await flush();

  // A key the row matched by, spelled in another case or spacing, is no rename: the stored spelling stays.
  for (const key of target.keys.filter((k) => k.type === 'citext')) {
    await tx.query(
      `UPDATE import_rows r SET ${key.staged} = NULL FROM ${table} t
        WHERE r.job_id = $1 AND NOT r.failed AND t.id = r.target_id AND r.${key.staged}::citext = t.${key.column} AND r.${key.staged}::text <> t.${key.column}::text`,
      [jobId],
    );
  }
  await tx.query(`UPDATE import_rows SET outcome = 'failed' WHERE job_id = $1 AND failed`, [jobId]);
  // Time-ordered ids (migration 1764500100000), made as the rows are scanned (about row order): each write batch's new records fill the right edge of the indexes they lead.
  await tx.query(`UPDATE import_rows SET outcome = 'created', target_id = uuid_time_ordered() WHERE job_id = $1 AND NOT failed AND target_id IS NULL`, [jobId]);
  const differs = [
    `(r.external_id IS NOT NULL AND r.external_id IS DISTINCT FROM t.external_id)`,
    `(r.name IS NOT NULL AND r.name IS DISTINCT FROM t.${target.nameColumn}::text)`,
    `((t.details - r.cleared) || r.details) <> t.details`,
    ...(target.kind === 'customers'
      ? [
          `(r.email IS NOT NULL AND r.email::text IS DISTINCT FROM t.email::text)`,
          `(r.username IS NOT NULL AND r.username::text IS DISTINCT FROM t.username::text)`,
          `(r.organizations IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(r.organizations) n
             WHERE NOT EXISTS (SELECT 1 FROM customer_organizations co JOIN organizations o ON o.id = co.organization_id WHERE co.customer_id = t.id AND o.name = n::citext)))`,
        ]
      : []),
  ];
  await tx.query(
    `UPDATE import_rows r SET outcome = CASE WHEN ${differs.join(' OR ')} THEN 'updated' ELSE 'unchanged' END
       FROM ${table} t WHERE r.job_id = $1 AND r.outcome IS NULL AND t.id = r.target_id`,
    [jobId],
  );
  const counts: Array<{ outcome: keyof ImportCounts; n: number }> = await tx.query(`SELECT outcome, count(*)::int AS n FROM import_rows WHERE job_id = $1 GROUP BY outcome`, [jobId]);
  const result: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const { outcome, n } of counts) result[outcome] = n;
  return result;
}
