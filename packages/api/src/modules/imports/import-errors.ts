import type { EntityManager } from 'typeorm';
import type { RowError } from './import-rows';

/** Queries go through TypeORM's manager or its DataSource alike. */
type Queryable = Pick<EntityManager, 'query'>;

/** Records row problems of a job, in one statement. */
export async function insertImportErrors(db: Queryable, jobId: string, errors: readonly RowError[]): Promise<void> {
  if (errors.length === 0) return;
  await db.query(
    `INSERT INTO import_errors (job_id, line, position, header, field_id, value, problem)
     SELECT $1, line, position, header, field_id, value, problem
       FROM unnest($2::int[], $3::int[], $4::text[], $5::uuid[], $6::text[], $7::jsonb[]) WITH ORDINALITY AS e(line, position, header, field_id, value, problem, n)
      ORDER BY n`,
    [
      jobId,
      errors.map((e) => e.line),
      errors.map((e) => e.position),
      errors.map((e) => e.header),
      errors.map((e) => e.fieldId),
      errors.map((e) => e.value),
      errors.map((e) => JSON.stringify(e.problem)),
    ],
  );
}
