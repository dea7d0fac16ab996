import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { CSV_DATE_FORMATS, IMPORT_DELIMITER_NAMES, problem, problemText, shownValue, type Problem } from '@cp/shared';
import type { ViewerIdentity } from '../../auth/viewer';
import { badInput } from '../../common/domain-error';
import { isUuid } from '../../common/ids';
import type { Page } from '../../common/connection';
import { FieldVisibility } from '../detail-fields/field-visibility';
import { importEncoding } from './import-encoding';
import type { ImportFileStore } from './import-file.store';
import type { ImportQueue } from './import-queue';
import { jsonRowsText } from './import-reader';
import { ImportError, ImportJob, type ImportFailure, type ImportPhase, type ImportStatus } from './import-job.type';
import { MAX_JSON_ROWS, type ImportCustomersInput } from './import.inputs';
import type { ImportKind } from './import-columns';

/** How an import runs, as the caller asked (`POST /api/imports` query arguments, or importCustomers' input). */
export interface ImportRequest {
  kind: ImportKind;
  dryRun: boolean;
  onError: 'abort' | 'skip';
  encoding?: string;
  delimiter?: string;
  dateFormat?: string;
  /** The wizard's column choices: position (from 1) → built-in column name, field label or key, or '' to leave it out. */
  columns?: Record<string, string>;
}

const ONE_OF = <T extends string>(option: string, value: unknown, supported: readonly T[]): T => {
  if (typeof value === 'string' && (supported as readonly string[]).includes(value)) return value as T;
  throw badInput(problem('IMPORT_OPTION_NOT_SUPPORTED', { option, value: shownValue(value ?? ''), supported: [...supported] }), option);
};

/**
 * The query arguments of `POST /api/imports` read into a request:
 * `kind` customers|organizations, `dryRun` true|false (default false),
 * `onError` abort|skip (default abort), `encoding` (a name imports read),
 * `delimiter` comma|semicolon|tab (or the character), `dateFormat` one of
 * CSV_DATE_FORMATS, `columns` a JSON object of the wizard's choices. A value
 * outside these is BAD_USER_INPUT IMPORT_OPTION_NOT_SUPPORTED naming the
 * argument and what it may be (IMPORT_ENCODING_NOT_SUPPORTED for encodings).
 */
export function importRequest(query: Record<string, unknown>): ImportRequest {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined);
  const request: ImportRequest = {
    kind: ONE_OF('kind', query.kind, ['customers', 'organizations'] as const),
    dryRun: ONE_OF('dryRun', text('dryRun') ?? 'false', ['true', 'false'] as const) === 'true',
    onError: ONE_OF('onError', text('onError') ?? 'abort', ['abort', 'skip'] as const),
  };
  if (text('encoding')) request.encoding = importEncoding(text('encoding')!);
  if (text('delimiter')) request.delimiter = ONE_OF('delimiter', text('delimiter'), [...IMPORT_DELIMITER_NAMES, ',', ';', '\t'] as const);
  if (text('dateFormat')) request.dateFormat = ONE_OF('dateFormat', text('dateFormat'), CSV_DATE_FORMATS);
  if (text('columns')) {
    let columns: unknown;
    try {
      columns = JSON.parse(text('columns')!);
    } catch {
      columns = null;
    }
    if (!columns || typeof columns !== 'object' || Array.isArray(columns) || !Object.entries(columns).every(([position, target]) => /^[1-9]\d*$/.test(position) && typeof target === 'string')) {
      throw badInput(problem('IMPORT_OPTION_NOT_SUPPORTED', { option: 'columns', value: shownValue(text('columns')!), supported: ['{"<column position>": "<column name, field label or key, or \\"\\">"}'] }), 'columns');
    }
    request.columns = columns as Record<string, string>;
  }
  return request;
}

/** The longest `Idempotency-Key` kept, in characters (after trimming). */
export const MAX_IDEMPOTENCY_KEY = 200;

/**
 * An `Idempotency-Key` header read for a job (trimmed, NFC), or null when
 * absent or blank. A longer key than MAX_IDEMPOTENCY_KEY is BAD_USER_INPUT
 * IDEMPOTENCY_KEY_TOO_LONG: cutting it would make two keys that differ only
 * after the cut replay each other's job.
 */
export function idempotencyKey(header: string | string[] | undefined): string | null {
  const key = (Array.isArray(header) ? header[0] : header)?.trim().normalize('NFC');
  if (!key) return null;
  if (key.length > MAX_IDEMPOTENCY_KEY) throw badInput(problem('IDEMPOTENCY_KEY_TOO_LONG', { max: MAX_IDEMPOTENCY_KEY, length: key.length }), 'Idempotency-Key');
  return key;
}

/** Cursor of an error page: its line and sequence number. */
const errorCursor = (row: { line: number; seq: string }) => Buffer.from(`${row.line}:${row.seq}`).toString('base64url');
const readErrorCursor = (cursor: string) => {
  const [line, seq] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (!/^\d+$/.test(line ?? '') || !/^\d+$/.test(seq ?? '')) throw badInput(problem('BAD_CURSOR'), 'after');
  return { line: Number(line), seq };
};

/**
 * Import jobs as their importer sees them: starting one (from an uploaded
 * file or JSON rows), idempotently by `Idempotency-Key`, and reading its
 * progress and errors. A job is visible only to the viewer who started it
 * (the same session agent, or the same API token): its errors quote the
 * importer's own file.
 */
export class ImportService {
  constructor(
    private readonly db: DataSource,
    private readonly files: ImportFileStore,
    private readonly queue: ImportQueue,
  ) {}

  /**
   * Starts a job on an uploaded file, streamed into the file store; its id.
   * With an `idempotencyKey` the viewer used before, that job's id, and the
   * body is not read. A body over the size limit drops the job
   * (PAYLOAD_TOO_LARGE); so does a failed upload.
   */
  async startUpload(viewer: ViewerIdentity, request: ImportRequest, body: Readable, idempotencyKey: string | null): Promise<string> {
    const job = await this.create(viewer, request, 'csv', idempotencyKey);
    if (job.existing) {
      body.resume();
      return job.id;
    }
    try {
      const bytes = await this.files.save(job.id, body);
      await this.db.query(`UPDATE import_jobs SET file_bytes = $2 WHERE id = $1`, [job.id, bytes]);
    } catch (error) {
      await this.db.query(`DELETE FROM import_jobs WHERE id = $1`, [job.id]);
      throw error;
    }
    await this.queue.enqueue(job.id);
    return job.id;
  }

  /**
   * Starts a customers job on JSON rows (importCustomers): at most
   * MAX_JSON_ROWS (IMPORT_TOO_MANY_ROWS), each an object
   * (IMPORT_ROW_NOT_OBJECT naming the row); idempotent like startUpload.
   */
  async startRows(viewer: ViewerIdentity, input: ImportCustomersInput, idempotencyKey: string | null): Promise<ImportJob> {
    if (input.rows.length > MAX_JSON_ROWS) throw badInput(problem('IMPORT_TOO_MANY_ROWS', { max: MAX_JSON_ROWS }), 'rows');
    const notObject = input.rows.findIndex((row) => !row || typeof row !== 'object' || Array.isArray(row));
    if (notObject >= 0) throw badInput(problem('IMPORT_ROW_NOT_OBJECT', { row: notObject + 1 }), 'rows');
    const request: ImportRequest = {
      kind: 'customers',
      dryRun: input.dryRun,
      onError: ONE_OF('onError', input.onError, ['abort', 'skip'] as const),
      ...(input.dateFormat ? { dateFormat: ONE_OF('dateFormat', input.dateFormat, CSV_DATE_FORMATS) } : {}),
    };
    const job = await this.create(viewer, request, 'json', idempotencyKey);
    if (!job.existing) {
      const bytes = await this.files.saveText(job.id, jsonRowsText(input.rows as Array<Record<string, unknown>>));
      await this.db.query(`UPDATE import_jobs SET file_bytes = $2, encoding = 'UTF-8' WHERE id = $1`, [job.id, bytes]);
      await this.queue.enqueue(job.id);
    }
    return (await this.find(viewer, job.id))!;
  }

  private async create(viewer: ViewerIdentity, request: ImportRequest, source: 'csv' | 'json', idempotencyKey: string | null): Promise<{ id: string; existing: boolean }> {
    const { kind, dryRun, onError, ...options } = request;
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO import_jobs (kind, source, dry_run, on_error, viewer_kind, viewer_id, idempotency_key, options)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (viewer_kind, viewer_id, idempotency_key) DO NOTHING RETURNING id`,
      [kind, source, dryRun, onError, viewer.kind, viewer.id, idempotencyKey, JSON.stringify(options)],
    );
    if (inserted[0]) return { id: inserted[0].id, existing: false };
    const [existing]: Array<{ id: string }> = await this.db.query(`SELECT id FROM import_jobs WHERE viewer_kind = $1 AND viewer_id = $2 AND idempotency_key = $3`, [
      viewer.kind,
      viewer.id,
      idempotencyKey,
    ]);
    return { id: existing.id, existing: true };
  }

  /** The viewer's own job, or null (another viewer's job is reported as missing, so ids cannot be probed). */
  async find(viewer: ViewerIdentity, id: string): Promise<ImportJob | null> {
    if (!isUuid(id)) return null;
    const rows: Array<Record<string, any>> = await this.db.query(`SELECT * FROM import_jobs WHERE id = $1 AND viewer_kind = $2 AND viewer_id = $3`, [id, viewer.kind, viewer.id]);
    const row = rows[0];
    if (!row) return null;
    const processed: Record<string, number> = { QUEUED: 0, READING: row.rows_read, CHECKING: 0, WRITING: row.rows_written, DONE: row.rows_written };
    return Object.assign(new ImportJob(), {
      id: row.id,
      kind: row.kind,
      dryRun: row.dry_run,
      onError: row.on_error,
      status: row.status as ImportStatus,
      phase: row.phase as ImportPhase,
      totalRows: row.total_rows,
      processedRows: row.dry_run && row.phase === 'DONE' ? (row.total_rows ?? 0) : processed[row.phase],
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      failed: row.failed,
      encoding: row.encoding,
      delimiter: row.delimiter,
      dateFormat: row.options.dateFormat ?? null,
      failure: (row.failure as ImportFailure | null) ?? null,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    });
  }

  /**
   * A page of a job's errors by line. An error about a cell of a detail
   * field the viewer may not view now (their permissions narrowed since)
   * keeps its line and column but neither value nor message: it reads
   * IMPORT_COLUMN_HIDDEN.
   */
  async errors(viewer: ViewerIdentity, jobId: string, first: number, after: string | null | undefined): Promise<Page<ImportError>> {
    const from = after ? readErrorCursor(after) : { line: 0, seq: '0' };
    const rows: Array<{ line: number; seq: string; header: string | null; field_id: string | null; value: string | null; problem: Problem }> = await this.db.query(
      `SELECT e.line, e.seq::text AS seq, e.header, e.field_id, e.value, e.problem FROM import_errors e
        WHERE e.job_id = $1 AND (e.line, e.seq) > ($2, $3::bigint) ORDER BY e.line, e.seq LIMIT $4`,
      [jobId, from.line, from.seq, first + 1],
    );
    const viewable = new Set((await new FieldVisibility(this.db, viewer).viewableInAnyScope()).map((f) => f.id));
    const page = rows.slice(0, first);
    return {
      nodes: page.map((row) => {
        const hidden = row.field_id !== null && !viewable.has(row.field_id);
        const refusal = hidden ? problem('IMPORT_COLUMN_HIDDEN', { column: shownValue(row.header ?? '') }) : row.problem;
        return Object.assign(new ImportError(), { line: row.line, column: row.header, value: hidden ? null : row.value, message: problemText(refusal), problem: refusal });
      }),
      cursors: page.map(errorCursor),
      hasNextPage: rows.length > first,
      count: async () => {
        const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM import_errors WHERE job_id = $1`, [jobId]);
        return { count: n, exact: true };
      },
    };
  }
}
