import { Readable, pipeline } from 'node:stream';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { normalizeText, problem } from '@cp/shared';
import { badInput } from '../../common/domain-error';
import { decodeImportFile, IMPORT_CODECS, type ImportEncoding } from './import-encoding';
import { readImportHeader, type ImportDelimiter } from './import-header';

/** One record of an import file: its place among data rows (from 1; the header is 0), the line it starts on, its cells (NFC). */
export interface ImportRecord {
  rowNo: number;
  line: number;
  cells: string[];
}

/** How a file is read: detected from its start, or given by the importer. */
export interface ImportFormat {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
}

/** The longest row read (characters): a cell holds at most 10,000, so only a broken file or a pasted document gets near it. */
export const MAX_RECORD_CHARS = 1_000_000;

/** How much of the file's start decides encoding and delimiter. */
const SAMPLE_BYTES = 1024 * 1024;

/** Text a wrong reading shows (as `decodeImportFile` refuses it): unmapped bytes and control characters other than tab and line breaks. */
const GARBLED = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * The file's start cut after its last line break, so that detection never
 * sees half a character (UTF-16 keeps the break's second byte).
 */
function wholeLines(sample: Buffer): Buffer {
  const lastBreak = sample.lastIndexOf(0x0a);
  if (lastBreak < 0) return sample;
  const utf16le = sample[0] === 0xff && sample[1] === 0xfe;
  return sample.subarray(0, lastBreak + (utf16le ? 2 : 1));
}

/**
 * Encoding and delimiter of a file from its first bytes (`start`, all of it
 * when `complete`), as `decodeImportFile` and `readImportHeader` decide
 * them, or as given. Throws their refusals (BAD_USER_INPUT).
 */
export function detectImportFormat(start: Buffer, complete: boolean, given: { encoding?: string | null; delimiter?: string | null }): ImportFormat {
  const sample = complete ? start : wholeLines(start.subarray(0, SAMPLE_BYTES));
  const { text, encoding } = decodeImportFile(sample, given.encoding);
  const { delimiter } = readImportHeader(text, given.delimiter);
  return { encoding, delimiter };
}

/** Line feeds in decoded text (CRLF and LF files alike). */
const breaks = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Lines a record spans, from its raw text: its line breaks (CRLF, LF or CR)
 * but the one ending it. csv-parse's own `lines` counts a quoted CRLF twice,
 * and its raw text keeps only the CR of a CRLF that ends a record.
 */
const linesOf = (raw: string) => (raw.replace(/(\r\n|\r|\n)$/, '').match(/\r\n|\r|\n/g)?.length ?? 0) + 1;

/**
 * Streams a file's records: decoded in `format.encoding` chunk by chunk
 * (never the whole file in memory), split by csv-parse (quotes, quoted
 * delimiters and line breaks, CRLF; quotes inside an unquoted cell are
 * text), each cell NFC. The header comes first (rowNo 0); blank lines are
 * skipped but counted. Refusals, all BAD_USER_INPUT on `file` and naming
 * the line: text that is not valid in the encoding
 * (IMPORT_NOT_IN_ENCODING_AT), an unclosed quote
 * (IMPORT_UNTERMINATED_QUOTE), text after a closing quote
 * (IMPORT_MISPLACED_QUOTE), a row over MAX_RECORD_CHARS
 * (IMPORT_RECORD_TOO_LARGE), any other CSV fault (IMPORT_MALFORMED_CSV).
 */
export async function* readImportRecords(chunks: AsyncIterable<Buffer>, format: ImportFormat): AsyncGenerator<ImportRecord> {
  const decoded = async function* () {
    const decoder = iconv.getDecoder(IMPORT_CODECS[format.encoding], { stripBOM: true });
    let decodedLines = 0;
    const checked = (text: string) => {
      const garbled = text.search(GARBLED);
      if (garbled >= 0) throw badInput(problem('IMPORT_NOT_IN_ENCODING_AT', { encoding: format.encoding, line: decodedLines + breaks(text.slice(0, garbled)) + 1 }), 'file');
      decodedLines += breaks(text);
      return text;
    };
    for await (const chunk of chunks) {
      const text = checked(decoder.write(chunk));
      if (text) yield text;
    }
    const rest = checked(decoder.end() ?? '');
    if (rest) yield rest;
  };
  // Lines are counted as csv-parse reads (on_record), ahead of what this loop has taken, so a parse error knows where it is.
  let line = 0;
  const parser = parse({
    delimiter: format.delimiter,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    // With `raw`, csv-parse hands on_record the record with its raw text (its types say only the record).
    on_record: (parsed: unknown) => {
      const { record, raw } = parsed as { record: string[]; raw: string };
      const start = line + 1;
      line += linesOf(raw);
      return { record, start } as unknown as string[];
    },
  });
  pipeline(Readable.from(decoded()), parser, () => {});
  let rowNo = 0;
  try {
    for await (const { record, start } of parser as AsyncIterable<{ record: string[]; start: number }>) {
      if (record.length === 1 && record[0].trim() === '') continue;
      yield { rowNo: rowNo++, line: start, cells: record.map(normalizeText) };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    const at = { line: line + 1 };
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw badInput(problem('IMPORT_UNTERMINATED_QUOTE', at), 'file');
    if (code === 'CSV_INVALID_CLOSING_QUOTE') throw badInput(problem('IMPORT_MISPLACED_QUOTE', at), 'file');
    if (code === 'CSV_MAX_RECORD_SIZE') throw badInput(problem('IMPORT_RECORD_TOO_LARGE', { ...at, max: MAX_RECORD_CHARS }), 'file');
    if (code?.startsWith('CSV_')) throw badInput(problem('IMPORT_MALFORMED_CSV', at), 'file');
    throw error;
  }
}

/** A JSON row's value as cell text: lists joined with `|` (multi-select, organizations), other scalars as text, null as empty. */
function jsonCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(jsonCell).join('|');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Rows given as JSON (importCustomers), stored as JSON lines: the header
 * (every key of any row, in order of first appearance) then one object per
 * line. Read back as records whose cells are null where a row lacks a key
 * (it leaves that value alone), NFC like a file's cells.
 */
export const jsonRowsText = (rows: ReadonlyArray<Record<string, unknown>>): string => {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [JSON.stringify(header), ...rows.map((row) => JSON.stringify(row))].join('\n');
};

/** The records of `jsonRowsText` (see there); the line of a row is its number, from 1. */
export async function* readJsonRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ rowNo: number; line: number; cells: Array<string | null> }> {
  const lines = createInterface({ input: Readable.from(chunks), crlfDelay: Infinity });
  let header: string[] | null = null;
  let rowNo = 0;
  for await (const text of lines) {
    if (!header) {
      header = (JSON.parse(text) as string[]).map(normalizeText);
      yield { rowNo: rowNo++, line: 0, cells: header };
      continue;
    }
    const row = JSON.parse(text) as Record<string, unknown>;
    const keys = new Map(Object.keys(row).map((key) => [normalizeText(key), key]));
    yield { rowNo, line: rowNo++, cells: header.map((name) => (keys.has(name) ? normalizeText(jsonCell(row[keys.get(name)!])) : null)) };
  }
}
