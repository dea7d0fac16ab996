import { parse } from 'csv-parse/sync';
import { IMPORT_DELIMITER_NAMES, problem, shownValue, type ImportDelimiterName } from '@cp/shared';
import { badInput } from '../../common/domain-error';

/** The delimiters an import file may use, by the names a caller may give (`delimiter` argument). */
const DELIMITER_NAMES: Record<string, ImportDelimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', '\t': '\t', tab: '\t' };
export type ImportDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly ImportDelimiter[] = [',', ';', '\t'];

/** A header row is short; reading this much of the text is enough to find its end (quoted line breaks included). */
const HEADER_WINDOW = 1024 * 1024;

/** The first row of an import file, split by its delimiter. */
export interface ImportHeader {
  delimiter: ImportDelimiter;
  /** The header cells as written (NFC is the caller's: the file's text is normalized as a whole). */
  cells: string[];
}

/** The first non-empty record with this delimiter, or null when the text does not parse with it (a quote in the wrong place). */
function firstRecord(text: string, delimiter: ImportDelimiter): string[] | null {
  try {
    const [record] = parse(text.slice(0, HEADER_WINDOW), { delimiter, to: 1, skip_empty_lines: true, relax_column_count: true }) as string[][];
    return record ?? [];
  } catch {
    return null;
  }
}

/**
 * Finds the header row and its delimiter. With `given` (the `delimiter`
 * argument: `,` `;` tab, or comma/semicolon/tab), that one, else
 * IMPORT_DELIMITER_NOT_SUPPORTED. Otherwise the delimiter that splits the
 * header row into the most columns (csv-parse reads each candidate, so
 * quoted delimiters do not count); a one-column header is comma-separated;
 * a tie between several is IMPORT_DELIMITER_AMBIGUOUS. A text without any
 * record is IMPORT_EMPTY_FILE.
 */
export function readImportHeader(text: string, given?: string | null): ImportHeader {
  let candidates = DELIMITERS;
  if (given) {
    const named = DELIMITER_NAMES[given.toLowerCase()];
    if (!named) throw badInput(problem('IMPORT_DELIMITER_NOT_SUPPORTED', { delimiter: shownValue(given), supported: [...IMPORT_DELIMITER_NAMES] }), 'delimiter');
    candidates = [named];
  }
  const splits = candidates.flatMap((delimiter) => {
    const cells = firstRecord(text, delimiter);
    return cells ? [{ delimiter, cells }] : [];
  });
  const most = Math.max(0, ...splits.map((s) => s.cells.length));
  if (most === 0) throw badInput(problem('IMPORT_EMPTY_FILE'), 'file');
  const best = splits.filter((s) => s.cells.length === most);
  if (most === 1) return best[0];
  if (best.length > 1) throw badInput(problem('IMPORT_DELIMITER_AMBIGUOUS', { delimiters: best.map((s) => delimiterName(s.delimiter)) }), 'delimiter');
  return best[0];
}

/** The delimiter as people name it (a tab is invisible). */
export const delimiterName = (delimiter: ImportDelimiter): ImportDelimiterName => DELIMITER_NAME[delimiter];

const DELIMITER_NAME: Record<ImportDelimiter, ImportDelimiterName> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
