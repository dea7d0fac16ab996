import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import jobs (issue 8). A job's file is kept in `import_file_chunks` (1 MiB
 * pieces, streamed in by the upload) so any API process can run it and a
 * restart loses nothing; its rows are staged in `import_rows` (by COPY),
 * checked there set-based, then written in batches; `import_errors` holds
 * every problem with its line. The job row carries the checkpoints
 * (`rows_read`, `rows_written`) that each batch moves in its own
 * transaction, so a crash resumes after the last whole batch. Chunks and
 * staged rows are deleted when the job ends; the job and its errors stay.
 */
export class CreateImports1764403600000 implements MigrationInterface {
  name = 'CreateImports1764403600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('customers', 'organizations')),
        source text NOT NULL CHECK (source IN ('csv', 'json')),
        dry_run boolean NOT NULL,
        on_error text NOT NULL CHECK (on_error IN ('abort', 'skip')),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        phase text NOT NULL DEFAULT 'QUEUED' CHECK (phase IN ('QUEUED', 'READING', 'CHECKING', 'WRITING', 'DONE')),
        -- Who imports: the session's agent, or the token (whose creator acts); the job runs with their permissions as they are when it runs.
        viewer_kind text NOT NULL CHECK (viewer_kind IN ('session', 'token')),
        viewer_id uuid NOT NULL,
        idempotency_key text,
        options jsonb NOT NULL DEFAULT '{}'::jsonb,
        file_bytes bigint NOT NULL DEFAULT 0,
        encoding text,
        delimiter text,
        columns jsonb,
        total_rows int,
        rows_read int NOT NULL DEFAULT 0,
        rows_checked int NOT NULL DEFAULT 0,
        rows_written int NOT NULL DEFAULT 0,
        written_through int NOT NULL DEFAULT 0,
        created int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        failure jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT import_jobs_idempotency_key UNIQUE (viewer_kind, viewer_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX import_jobs_unfinished_idx ON import_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING')`);
    await q.query(`
      CREATE TABLE import_file_chunks (
        job_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
        seq int NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (job_id, seq)
      )`);
    // One row per data row of the file: what it would write (set values, cleared keys), how it matched, its outcome.
    await q.query(`
      CREATE TABLE import_rows (
        job_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
        row_no int NOT NULL,
        line int NOT NULL,
        external_id text,
        email citext,
        username citext,
        name text,
        default_name text,
        organizations text[],
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        cleared text[] NOT NULL DEFAULT '{}',
        failed boolean NOT NULL DEFAULT false,
        target_id uuid,
        outcome text CHECK (outcome IN ('created', 'updated', 'unchanged', 'failed')),
        PRIMARY KEY (job_id, row_no)
      )`);
    await q.query(`
      CREATE TABLE import_errors (
        job_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        line int NOT NULL,
        position int,
        header text,
        -- The detail field of the cell, so a reader who may no longer view it is not shown its value.
        field_id uuid REFERENCES detail_fields(id) ON DELETE SET NULL,
        value text,
        problem jsonb NOT NULL,
        PRIMARY KEY (job_id, seq)
      )`);
    // Errors are read by line, in the order they were found.
    await q.query(`CREATE INDEX import_errors_by_line_idx ON import_errors (job_id, line, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_errors, import_rows, import_file_chunks, import_jobs`);
  }
}
