import { CSV_DATE_FORMATS, PREVIEW_BYTES, type ImportKind, type ImportOnError, type ImportPreview } from '@cp/shared';

import { HttpRefusal } from '../../app/errors';

/** The one other date format a file may use besides YYYY-MM-DD (the API's `dateFormat`). */
export const IMPORT_DATE_FORMATS = CSV_DATE_FORMATS;
export type ImportDateFormat = (typeof IMPORT_DATE_FORMATS)[number];

/**
 * How to read the file, as the importer set it in the wizard: absent
 * encoding and delimiter are detected; `columns` maps positions (from 1)
 * to a target, `''` leaving the column out.
 */
export interface ReadSettings {
  encoding?: string;
  delimiter?: string;
  columns: Record<number, string>;
}

/** How to run an import, besides how to read the file. */
export interface RunSettings {
  dryRun: boolean;
  onError: ImportOnError;
  /** Absent: only YYYY-MM-DD. */
  dateFormat?: ImportDateFormat;
}

/** The query string of a preview or an import: empty settings are left out, `columns` as JSON. */
function search(kind: ImportKind, settings: ReadSettings, run?: RunSettings): URLSearchParams {
  const params = new URLSearchParams({ kind });
  if (run) {
    params.set('dryRun', String(run.dryRun));
    params.set('onError', run.onError);
  }
  if (settings.encoding) params.set('encoding', settings.encoding);
  if (settings.delimiter) params.set('delimiter', settings.delimiter);
  if (run?.dateFormat) params.set('dateFormat', run.dateFormat);
  if (Object.keys(settings.columns).length > 0) params.set('columns', JSON.stringify(settings.columns));
  return params;
}

/** The response's JSON, or its refusal thrown as an HttpRefusal (read by `errorInfo`). */
async function answered<T>(response: Response): Promise<T> {
  if (!response.ok) throw await HttpRefusal.of(response);
  return (await response.json()) as T;
}

/**
 * Previews a file: sends its first bytes (the API reads no more) and answers
 * what the API detected and mapped. Throws HttpRefusal for a refused file or
 * setting, and fetch's TypeError when the server cannot be reached.
 */
export async function previewImport(file: Blob, kind: ImportKind, settings: ReadSettings, signal?: AbortSignal): Promise<ImportPreview> {
  const response = await fetch(`/api/imports/preview?${search(kind, settings)}`, {
    method: 'POST',
    body: file.slice(0, PREVIEW_BYTES),
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/csv' },
    signal,
  });
  return answered<ImportPreview>(response);
}

/**
 * Starts an import job (a dry run or the real one) with the whole file as
 * the body, and answers its id. `idempotencyKey` is made once per click, so
 * a retried request returns the same job. Throws as `previewImport`.
 */
export async function startImport(file: Blob, kind: ImportKind, settings: ReadSettings, run: RunSettings, idempotencyKey: string): Promise<string> {
  const response = await fetch(`/api/imports?${search(kind, settings, run)}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/csv', 'Idempotency-Key': idempotencyKey },
  });
  return (await answered<{ jobId: string }>(response)).jobId;
}

/**
 * A new Idempotency-Key: a random UUID (v4). Made from getRandomValues,
 * which browsers give on plain-HTTP intranet hosts too (randomUUID needs a
 * secure context).
 */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The empty import file of a kind, with the columns the viewer may fill. */
export const templateUrl = (kind: ImportKind): string => `/api/imports/template.csv?kind=${kind}`;

/** The row errors of a job as CSV, its header and messages in `language` (the language the app shows). */
export const errorsCsvUrl = (jobId: string, language: string): string =>
  `/api/imports/${encodeURIComponent(jobId)}/errors.csv?${new URLSearchParams({ lang: language })}`;
