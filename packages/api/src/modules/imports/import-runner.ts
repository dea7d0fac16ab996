import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource, EntityManager } from 'typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { problem, problemText, type CsvDateFormat, type Problem } from '@cp/shared';
import { actorOf, type ViewerIdentity } from '../../auth/viewer';
import { DomainError } from '../../common/domain-error';
import type { Logger } from '../../logger';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { FieldVisibility } from '../detail-fields/field-visibility';
import type { DetailField } from '../detail-fields/detail-field.entity';
import { importColumns, type ImportColumn, type ImportKind } from './import-columns';
import { checkStagedRows, type ColumnPlaces } from './import-check';
import { insertImportErrors } from './import-errors';
import type { ImportFileStore } from './import-file.store';
import { delimiterName, type ImportDelimiter } from './import-header';
import { importTarget } from './import-kinds';
import { detectImportFormat, readImportRecords, readJsonRecords } from './import-reader';
import { stageRecord, type RowError, type StagedRow } from './import-rows';
import { flushPendingIndexEntries, writeImportBatch, type ImportWriterDeps } from './import-writer';
import type { ImportEncoding } from './import-encoding';

/** Rows staged per COPY, and written per transaction: big enough for set-based statements, small enough for a lively progress bar. */
export const IMPORT_BATCH_ROWS = 5000;

/** A job row as the runner reads it. */
interface JobRow {
  id: string;
  kind: ImportKind;
  source: 'csv' | 'json';
  dry_run: boolean;
  on_error: 'abort' | 'skip';
  status: string;
  phase: string;
  viewer_kind: 'session' | 'token';
  viewer_id: string;
  options: { encoding?: string; delimiter?: string; dateFormat?: CsvDateFormat; columns?: Record<string, string> };
  encoding: ImportEncoding | null;
  delimiter: string | null;
  columns: StoredColumn[] | null;
  total_rows: number | null;
  rows_read: number;
  /** The last row_no written (rows_written counts them, for progress). */
  written_through: number;
}

/** A mapped column as the job keeps it between steps (fields by id, read again each step). */
type StoredColumn = { position: number; header: string; target: string; fieldId?: string };

export interface ImportRunnerDeps extends ImportWriterDeps {
  db: DataSource;
  files: ImportFileStore;
  logger: Logger;
  /** The importer as they are now: their permissions when the job runs, not when it was queued; null when they can no longer sign in. */
  viewerOf: (kind: 'session' | 'token', id: string) => Promise<ViewerIdentity | null>;
}

const DELIMITER_OF_NAME: Record<string, ImportDelimiter> = { comma: ',', semicolon: ';', tab: '\t' };

/** A refusal that ends a job: its problem, and the line when it names one. */
const failureOf = (refusal: Problem) => ({ message: problemText(refusal), problem: refusal, line: typeof refusal.params.line === 'number' ? refusal.params.line : null });

/**
 * Runs import jobs a step at a time. A step does as much of one job as fits
 * in `budgetMs`, committing after each batch with the job's checkpoint in
 * the same transaction, and answers whether more is left; a step cut short
 * (the process killed) is simply run again, and resumes after the last
 * committed batch. Phases: READING (the file streamed from the store,
 * decoded, parsed, each row checked by the codecs and staged by COPY),
 * CHECKING (every row's match and outcome, set-based, one transaction),
 * WRITING (batches of checked rows). A dry run ends after CHECKING; so does
 * `onError: abort` when any row failed. Jobs run with the permissions their
 * importer has when the step runs.
 */
export class ImportRunner {
  constructor(private readonly deps: ImportRunnerDeps) {}

  /** Runs the job for about `budgetMs`; true when it has more to do. Unknown or ended jobs have nothing to do. */
  async step(jobId: string, budgetMs: number): Promise<boolean> {
    const deadline = Date.now() + budgetMs;
    const job = await this.load(jobId);
    if (!job || job.status === 'SUCCEEDED' || job.status === 'FAILED') return false;
    const viewer = await this.deps.viewerOf(job.viewer_kind, job.viewer_id);
    if (!viewer) return this.end(job, 'FAILED', failureOf(problem('IMPORT_IMPORTER_GONE')));
    const visibility = new FieldVisibility(this.deps.db, viewer);
    try {
      if (job.status === 'QUEUED') {
        await this.deps.db.query(`UPDATE import_jobs SET status = 'RUNNING', phase = 'READING', started_at = now() WHERE id = $1`, [job.id]);
        job.phase = 'READING';
        job.status = 'RUNNING';
      }
      if (job.phase === 'READING') await this.read(job, visibility);
      if (job.phase === 'READING' || job.phase === 'CHECKING') {
        const ended = await this.check(job, visibility);
        if (ended) return false;
      }
      return await this.write(job, visibility, viewer, deadline);
    } catch (error) {
      if (error instanceof DomainError) return this.end(job, 'FAILED', failureOf(error.problem));
      throw error;
    }
  }

  private async load(jobId: string): Promise<JobRow | null> {
    const rows: JobRow[] = await this.deps.db.query(`SELECT * FROM import_jobs WHERE id = $1`, [jobId]);
    return rows[0] ?? null;
  }

  /** The job's columns with their fields as defined now; a field deleted since the header was read ends the job as a refused header. */
  private async columns(job: JobRow, visibility: FieldVisibility): Promise<ImportColumn[]> {
    const scope = job.kind === 'customers' ? DetailFieldScope.CUSTOMER : DetailFieldScope.ORGANIZATION;
    const fields = new Map((await visibility.viewable(scope)).filter((f) => visibility.canEdit(f)).map((f) => [f.id, f]));
    return job.columns!.map((c) => {
      if (!c.fieldId) return { position: c.position, header: c.header, target: c.target } as ImportColumn;
      const field = fields.get(c.fieldId);
      if (!field) throw new DomainError('BAD_USER_INPUT', problem('IMPORT_READ_ONLY_COLUMN', { column: c.header, label: c.header }));
      return { position: c.position, header: c.header, target: 'detail', field };
    });
  }

  /**
   * Reads and stages the file from where the last step left it, to its end:
   * reading does not hand over at the step's deadline, because a new step
   * would re-read the file from its start to find its place (decoder and
   * parser state are not saved), which made a 1M-row file quadratic. Each
   * batch still commits its checkpoint, so a crashed step resumes.
   */
  private async read(job: JobRow, visibility: FieldVisibility): Promise<void> {
    const { files, db } = this.deps;
    if (!job.encoding && job.source === 'csv') {
      const start = await files.start(job.id);
      const format = detectImportFormat(start.bytes, start.complete, job.options);
      job.encoding = format.encoding;
      job.delimiter = delimiterName(format.delimiter);
      await db.query(`UPDATE import_jobs SET encoding = $2, delimiter = $3 WHERE id = $1`, [job.id, job.encoding, job.delimiter]);
    }
    const records = job.source === 'json' ? readJsonRecords(files.read(job.id)) : readImportRecords(files.read(job.id), { encoding: job.encoding!, delimiter: DELIMITER_OF_NAME[job.delimiter!] });
    const header = await records.next();
    if (header.done) throw new DomainError('BAD_USER_INPUT', problem('IMPORT_EMPTY_FILE'));
    const headerLength = header.value.cells.length;
    if (!job.columns) {
      const choices = new Map(Object.entries(job.options.columns ?? {}).map(([position, target]) => [Number(position), target]));
      const mapping = await importColumns(job.kind, header.value.cells as string[], visibility, choices);
      if (mapping.problems.length > 0) {
        await insertImportErrors(
          db,
          job.id,
          mapping.problems.map(({ position, problem: refusal, fieldId }) => ({
            line: header.value.line,
            position,
            header: position ? (header.value.cells[position - 1] ?? null) : null,
            fieldId: fieldId ?? null,
            value: null,
            problem: refusal,
          })),
        );
        throw new DomainError('BAD_USER_INPUT', problem('IMPORT_HEADER_REFUSED', { count: mapping.problems.length }));
      }
      job.columns = mapping.columns.map((c) => ({ position: c.position, header: c.header, target: c.target, ...(c.target === 'detail' ? { fieldId: c.field.id } : {}) }));
      await db.query(`UPDATE import_jobs SET columns = $2 WHERE id = $1`, [job.id, JSON.stringify(job.columns)]);
    }
    const columns = await this.columns(job, visibility);
    const options = { dateFormat: job.options.dateFormat ?? null };
    let batch: StagedRow[] = [];
    let errors: RowError[] = [];
    let lastRowNo = job.rows_read;
    const flush = async () => {
      await this.stage(job, batch, errors, lastRowNo);
      job.rows_read = lastRowNo;
      batch = [];
      errors = [];
    };
    for await (const record of records) {
      if (record.rowNo <= job.rows_read) continue;
      const staged = stageRecord(job.kind, columns, headerLength, record, options);
      lastRowNo = record.rowNo;
      if (staged) {
        batch.push(staged.row);
        errors.push(...staged.errors);
      }
      if (lastRowNo - job.rows_read >= IMPORT_BATCH_ROWS) await flush();
    }
    await flush();
    await db.query(`UPDATE import_jobs SET total_rows = (SELECT count(*) FROM import_rows WHERE job_id = $1), phase = 'CHECKING' WHERE id = $1`, [job.id]);
    job.phase = 'CHECKING';
  }

  /** One batch of staged rows, their cell errors and the checkpoint, in one transaction (the rows by COPY). */
  private async stage(job: JobRow, rows: readonly StagedRow[], errors: readonly RowError[], lastRowNo: number): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      if (rows.length > 0) await copyRows(tx, job.id, rows);
      await insertImportErrors(tx, job.id, errors);
      await tx.query(`UPDATE import_jobs SET rows_read = $2 WHERE id = $1`, [job.id, lastRowNo]);
    });
  }

  /** Decides every row's outcome; true when the job ends here (a dry run, or abort with failed rows). */
  private async check(job: JobRow, visibility: FieldVisibility): Promise<boolean> {
    const columns = await this.columns(job, visibility);
    const places: ColumnPlaces = {};
    const staged = { externalId: 'external_id', email: 'email', username: 'username', name: 'name', displayName: 'name', organizations: 'organizations' } as const;
    for (const c of columns) if (c.target in staged) places[staged[c.target as keyof typeof staged]] = { position: c.position, header: c.header };
    const fields = columns.flatMap((c) => (c.target === 'detail' ? [c.field] : []));
    const counts = await this.deps.db.transaction(async (tx) => {
      const result = await checkStagedRows(tx, job.id, importTarget(job.kind), places, fields);
      await tx.query(`UPDATE import_jobs SET created = $2, updated = $3, unchanged = $4, failed = $5, rows_checked = total_rows, phase = 'WRITING' WHERE id = $1`, [
        job.id,
        result.created,
        result.updated,
        result.unchanged,
        result.failed,
      ]);
      return result;
    });
    job.phase = 'WRITING';
    if (job.dry_run) await this.end(job, 'SUCCEEDED');
    else if (job.on_error === 'abort' && counts.failed > 0) await this.end(job, 'FAILED', failureOf(problem('IMPORT_ROWS_FAILED', { count: counts.failed })));
    return job.status !== 'RUNNING';
  }

  /** Writes checked rows in batches from the checkpoint; true when more is left for another step. */
  private async write(job: JobRow, visibility: FieldVisibility, viewer: ViewerIdentity, deadline: number): Promise<boolean> {
    const columns = await this.columns(job, visibility);
    const fields = new Map<string, DetailField>(columns.flatMap((c) => (c.target === 'detail' ? [[c.field.key, c.field] as const] : [])));
    const target = importTarget(job.kind);
    const [{ last }]: Array<{ last: number }> = await this.deps.db.query(`SELECT coalesce(max(row_no), 0) AS last FROM import_rows WHERE job_id = $1`, [job.id]);
    for (let from = job.written_through + 1; from <= last; from += IMPORT_BATCH_ROWS) {
      const to = Math.min(last, from + IMPORT_BATCH_ROWS - 1);
      await this.deps.db.transaction(async (tx) => {
        await writeImportBatch(tx, this.deps, job.id, target, fields, { from, to }, { ...actorOf(viewer), importJobId: job.id });
        // Counted over the batch's range only (a count up to `to` grew with the file).
        await tx.query(
          `UPDATE import_jobs SET written_through = $3, rows_written = rows_written + (SELECT count(*) FROM import_rows WHERE job_id = $1 AND row_no BETWEEN $2 AND $3) WHERE id = $1`,
          [job.id, from, to],
        );
      });
      job.written_through = to;
      if (to < last && Date.now() > deadline) return true;
    }
    await flushPendingIndexEntries(this.deps.db, target);
    return this.end(job, 'SUCCEEDED');
  }

  /** Ends the job (its file and staged rows are no longer needed); always false: nothing more to do. */
  private async end(job: JobRow, status: 'SUCCEEDED' | 'FAILED', failure?: ReturnType<typeof failureOf>): Promise<false> {
    await this.deps.db.transaction(async (tx) => {
      await tx.query(`UPDATE import_jobs SET status = $2, phase = 'DONE', failure = $3, finished_at = now() WHERE id = $1`, [job.id, status, failure ? JSON.stringify(failure) : null]);
      await tx.query(`DELETE FROM import_rows WHERE job_id = $1`, [job.id]);
      await tx.query(`DELETE FROM import_file_chunks WHERE job_id = $1`, [job.id]);
    });
    job.status = status;
    return false;
  }
}

/** Text of a text[] element in an array literal: quoted, with quotes and backslashes escaped. */
const arrayLiteral = (items: readonly string[]) => `{${items.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/**
 * One cell of COPY's CSV format: NULL (and an empty text, which staging
 * never produces) as an unquoted empty cell, numbers as they are, any other
 * text quoted with its quotes doubled (so delimiters, quotes and line breaks
 * inside it stay data). Written here rather than by csv-stringify, which
 * took about ten times as long per row and was most of READING's own CPU.
 */
const copyCell = (value: string | number | null) => (value === null || value === '' ? '' : typeof value === 'number' ? String(value) : `"${value.replace(/"/g, '""')}"`);

/** Staged rows into `import_rows` by COPY (CSV format, cells by `copyCell`). */
async function copyRows(tx: EntityManager, jobId: string, rows: readonly StagedRow[]): Promise<void> {
  // The transaction's own connection: COPY must run inside it.
  const client = (tx.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
  const sink = client.query(
    copyFrom(`COPY import_rows (job_id, row_no, line, external_id, email, username, name, default_name, organizations, details, cleared, failed) FROM STDIN (FORMAT csv)`),
  );
  const lines = rows
    .map((r) =>
      [
        jobId,
        r.rowNo,
        r.line,
        r.externalId,
        r.email,
        r.username,
        r.name,
        r.defaultName,
        r.organizations ? arrayLiteral(r.organizations) : null,
        JSON.stringify(r.details),
        arrayLiteral(r.cleared),
        r.failed ? 't' : 'f',
      ]
        .map(copyCell)
        .join(','),
    )
    .join('\n');
  await pipeline(Readable.from([`${lines}\n`]), sink);
}
