/**
 * Detail values as CSV cell text (before CSV quoting, which the writer does).
 * Export and import are inverses: any exported cell imports back to the same
 * stored value.
 */

import { parseDetailValue } from './codecs';
import { plainDecimal } from './numbers';
import { foldCase } from './text';
import { fail, ok, type DetailFieldDefinition, type DetailFieldType, type ParseResult, type StoredDetailValue } from './types';

// Spreadsheets run a cell starting with these as a formula (CSV injection).
// A leading quote is escaped too, so that stripping one on import is never
// ambiguous: "'x" exports as "''x".
const FORMULA_START = /^[=+\-@\t\r']/;
const GUARDED = /^'[=+\-@\t\r']/;

/** Export joins with '|': the contract's other separator, ',', is common inside option labels. */
const MULTI_SEPARATOR = '|';

/**
 * CSV cell text for export: options joined with '|', booleans 'true'/'false',
 * dates ISO, numbers plain. `_field` is unused: the stored value's shape
 * decides, so the signature mirrors parseDetailCsv.
 */
export function detailValueToCsv(_field: DetailFieldDefinition, value: StoredDetailValue | null): string {
  if (value === null) return '';
  // Numbers are plain decimals; '-5' is not a formula to a spreadsheet, and a quote would make it text.
  if (typeof value === 'number') return plainDecimal(value);
  return neutralizeFormula(Array.isArray(value) ? value.join(MULTI_SEPARATOR) : String(value));
}

/**
 * A text cell made safe to open in a spreadsheet (OWASP CSV injection): text
 * starting with = + - @ TAB or CR gets a leading `'`, and so does text that
 * already starts with `'` (so import strips exactly one). Only for text:
 * numbers and ISO dates are written as they are.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Text of a report (an import's error messages) made safe to open in a
 * spreadsheet: only the formula starts get a leading `'`. Unlike
 * neutralizeFormula a leading quote stays as it is: nothing reads a report
 * back, and messages often start with a quoted value.
 */
export function neutralizeReportText(text: string): string {
  return FORMULA_START.test(text) && !text.startsWith("'") ? `'${text}` : text;
}

/** A cell read back: the one quote `neutralizeFormula` added is removed; any other text is returned as it is. */
export function unneutralizeFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

const CSV_BOOLEANS = new Map([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
]);

/**
 * Splits a multi-select cell on '|' or ',' (the contract allows both), but
 * keeps pieces together when, rejoined, they name an option: 'Tokyo, Japan'
 * stays one option. Longest match first, spanning at most as many separators
 * as the option that has the most.
 */
function splitOptions(cell: string, options: readonly string[]): string[] {
  const parts = cell.split(/([|,])/); // pieces at even indexes, separators between
  const known = new Set(options.map((option) => foldCase(option)));
  const maxSpan = 1 + Math.max(0, ...options.map((option) => option.split(/[|,]/).length - 1));
  const joined = (from: number, span: number) => parts.slice(2 * from, 2 * (from + span) - 1).join('');
  const items: string[] = [];
  for (let piece = 0; 2 * piece < parts.length; ) {
    let span = Math.min(maxSpan, (parts.length + 1) / 2 - piece);
    while (span > 1 && !known.has(foldCase(joined(piece, span).trim()))) span--;
    items.push(joined(piece, span));
    piece += span;
  }
  return items;
}

/** The date formats an import may name besides ISO (the wizard's choice for a whole file, never guessed per row). */
export const CSV_DATE_FORMATS = ['DD.MM.YYYY', 'MM/DD/YYYY', 'YYYY/MM/DD'] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

/** How cells are read for one file. */
export interface CsvReadOptions {
  /** A date format read besides YYYY-MM-DD. */
  dateFormat?: CsvDateFormat | null;
}

/** Each format's pattern, capturing year, month and day (one- or two-digit month and day, as spreadsheets write them). */
const DATE_PATTERNS: Record<CsvDateFormat, { pattern: RegExp; order: [number, number, number] }> = {
  'DD.MM.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  'MM/DD/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'YYYY/MM/DD': { pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: [1, 2, 3] },
};

/**
 * A date cell: ISO, or the file's `dateFormat` rewritten to ISO and then
 * checked by the date codec, so 29.02.2026 is refused as not a calendar
 * date (never rolled over into March), the refusal naming the file's format. Anything else NOT_DATE_IN_FORMAT
 * naming both accepted formats.
 */
function readDate(field: DetailFieldDefinition, cell: string, options: CsvReadOptions): ParseResult {
  const format = options.dateFormat ? DATE_PATTERNS[options.dateFormat] : null;
  const match = format?.pattern.exec(cell);
  if (match) {
    const [year, month, day] = format!.order.map((group) => match[group]);
    const read = parseDetailValue(field, `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
    // The refusal names the format the file is written in, not the ISO form it was rewritten to.
    return read.ok || read.problem.params.format === undefined ? read : { ...read, problem: { ...read.problem, params: { ...read.problem.params, format: options.dateFormat! } } };
  }
  const iso = parseDetailValue(field, cell);
  return iso.ok || !options.dateFormat || iso.problem.reason !== 'NOT_ISO_DATE' ? iso : fail('NOT_DATE_IN_FORMAT', { format: options.dateFormat });
}

/** Types whose cells read differently from API input; the rest parse like API strings. */
const CSV_READERS: Partial<Record<DetailFieldType, (field: DetailFieldDefinition, cell: string, options: CsvReadOptions) => ParseResult>> = {
  DATE: readDate,
  BOOLEAN: (_field, cell) => {
    const value = CSV_BOOLEANS.get(cell.toLowerCase());
    return value === undefined ? fail('NOT_CSV_BOOLEAN') : ok(value);
  },
  MULTI_SELECT: (field, cell) => parseDetailValue(field, splitOptions(cell, field.options)),
};

/** CSV cell text for import: '' clears; the quote our export adds against formulas is removed first. */
export function parseDetailCsv(field: DetailFieldDefinition, text: string, options: CsvReadOptions = {}): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  const cell = unneutralizeFormula(trimmed);
  const reader = CSV_READERS[field.type];
  return reader ? reader(field, cell, options) : parseDetailValue(field, cell);
}
