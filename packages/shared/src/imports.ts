/**
 * The import contract both sides read: what an import creates, the
 * encodings and delimiters it reads (by the names the API takes and
 * answers), and the answer of `POST /api/imports/preview`.
 */

import type { Problem } from './problems';

/** What an import creates or updates; the API's `kind` argument. */
export type ImportKind = 'customers' | 'organizations';

/** The encodings an import file may be in (the contract's "CSV import format"), by the name shown to people. */
export const IMPORT_ENCODINGS = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'Shift_JIS', 'Windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Delimiters by the names the API takes and answers. */
export const IMPORT_DELIMITER_NAMES = ['comma', 'semicolon', 'tab'] as const;
export type ImportDelimiterName = (typeof IMPORT_DELIMITER_NAMES)[number];

export type ImportOnError = 'abort' | 'skip';

/** How much of a file the wizard sends for a preview (`file.slice(0, PREVIEW_BYTES)`); a body this long may end mid-line. */
export const PREVIEW_BYTES = 256 * 1024;

/** A problem as the preview answers it: reason and params (for translation) and the English sentence. */
export type ShownProblem = Problem & { message: string };

/** One header cell and what it fills: `target` a built-in column's name or a detail field's key, null when refused or left out. */
export interface PreviewColumn {
  /** From 1, as spreadsheets count columns. */
  position: number;
  header: string;
  target: string | null;
  /** What the target is called: the built-in column's name or the field's label; null with `target`. */
  label: string | null;
  problem: ShownProblem | null;
}

/** Something a column may be mapped to: a built-in column of the kind, or a detail field the viewer may edit. */
export interface PreviewTarget {
  target: string;
  label: string;
  kind: 'builtIn' | 'detail';
  /** The detail field's type (TEXT, DATE...); absent for built-in columns. */
  type?: string;
}

/** The answer of `POST /api/imports/preview`. */
export interface ImportPreview {
  encoding: ImportEncoding;
  delimiter: ImportDelimiterName;
  columns: PreviewColumn[];
  /** Every header problem, those of a column (position) and of the whole header (position null: a missing key column). */
  problems: Array<ShownProblem & { position: number | null }>;
  /**
   * The first data rows, cells as the import reads them (NFC, the export's
   * formula guard `'` taken off); a row may have more or fewer cells than the header.
   */
  rows: string[][];
  /** Why the import would refuse the file as a whole (an unclosed quote...), seen in the sample; null when the sample reads. */
  fileProblem: ShownProblem | null;
  targets: PreviewTarget[];
}
