import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One "created" history entry per record an import creates (issue 8),
 * instead of one entry per value: `attribute = 'created'`, `to_value` the
 * record's initial attributes and `details` (detail values by field id,
 * filtered per viewer when read), and `import_job_id` the job that wrote it.
 * Imports wrote 10–12 history rows per new customer, the largest part of a
 * batch's time. No foreign key: the entry outlives its job's record, and a
 * key would cost a lookup per entry in the batches it is meant to speed up.
 */
export class ImportCreatedEntries1764700000000 implements MigrationInterface {
  name = 'ImportCreatedEntries1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE changes ADD COLUMN import_job_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE changes DROP COLUMN import_job_id`);
  }
}
