import { Readable } from 'node:stream';
import { normalizeText, PREVIEW_BYTES, problemText, unneutralizeFormula, type ImportPreview, type PreviewColumn, type PreviewTarget, type Problem, type ShownProblem } from '@cp/shared';
import { DomainError } from '../../common/domain-error';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { FieldVisibility } from '../detail-fields/field-visibility';
import { csvLines, UTF8_BOM } from '../exports/csv-cells';
import { BUILT_IN, importColumns, type ColumnChoices, type ImportColumn, type ImportKind } from './import-columns';
import { decodeImportFile, importEncoding } from './import-encoding';
import type { ImportFormat } from './import-reader';
import { delimiterName, readImportHeader } from './import-header';
import { readImportRecords } from './import-reader';

/** Data rows a preview shows. */
export const PREVIEW_ROWS = 10;

/** What the importer chose in the wizard, read from the query string. */
export interface PreviewOptions {
  kind: ImportKind;
  encoding?: string | null;
  delimiter?: string | null;
  choices?: ColumnChoices;
}

/**
 * The bytes up to and including the last line feed, for a preview body that
 * may have been cut anywhere: the cut record goes, and with it any
 * multibyte character cut in half. A line feed byte is always a line feed in
 * UTF-8, Shift_JIS (trail bytes start at 0x40) and Windows-1252; in UTF-16 it
 * is the code unit 0x000A (its byte order from the BOM, or from the
 * `encoding` given). Bytes without any line feed are returned as they are.
 */
export function completeLines(bytes: Uint8Array, encoding?: string | null): Uint8Array {
  const utf16 = encoding ? importEncoding(encoding) : bytes[0] === 0xff && bytes[1] === 0xfe ? 'UTF-16LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'UTF-16BE' : null;
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (utf16 === 'UTF-16LE' && i % 2 === 0 && bytes[i] === 0x0a && bytes[i + 1] === 0) return bytes.subarray(0, i + 2);
    if (utf16 === 'UTF-16BE' && i % 2 === 1 && bytes[i] === 0x0a && bytes[i - 1] === 0) return bytes.subarray(0, i + 1);
    if ((utf16 === null || !utf16.startsWith('UTF-16')) && bytes[i] === 0x0a) return bytes.subarray(0, i + 1);
  }
  return bytes;
}

/**
 * The first PREVIEW_ROWS data rows of the sample, read as the import reads
 * the file (`readImportRecords`), and the file-level refusal the import
 * would answer for it (an unclosed quote, text after a closing quote...);
 * the rows read before a refusal may be fewer than the lines before it (the
 * reader stops there, with what it had buffered).
 * A `cut` sample ends mid-record by design: a quote still open at its end is
 * the cut's doing, not the file's, so it is no refusal.
 */
async function sampleRecords(bytes: Uint8Array, format: ImportFormat, cut: boolean): Promise<{ rows: string[][]; refusal: Problem | null }> {
  const rows: string[][] = [];
  try {
    for await (const { rowNo, cells } of readImportRecords(Readable.from([Buffer.from(bytes)]), format)) {
      // The reader goes on to the sample's end: a refusal further down is one too.
      if (rowNo > 0 && rows.length < PREVIEW_ROWS) rows.push(cells);
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (!(cut && error.problem.reason === 'IMPORT_UNTERMINATED_QUOTE')) return { rows, refusal: error.problem };
  }
  return { rows, refusal: null };
}

const shown = (refusal: Problem): ShownProblem => ({ ...refusal, message: problemText(refusal) });

/**
 * Previews the start of an import file (at most PREVIEW_BYTES; a body that
 * long is taken to be cut, so its last line is dropped): the encoding and
 * delimiter detected (or given), the header mapped as the import will map
 * it with the importer's `choices`, its problems, the first PREVIEW_ROWS
 * data rows, and the targets a column may be given. Targets are the kind's
 * built-in columns and the detail fields the viewer may edit; a field they
 * may not view is neither offered nor named (its column is an unknown
 * column). A refusal the import would answer for the sample's rows is
 * `fileProblem` (see `sampleRecords`). Throws the file-level refusals of
 * `decodeImportFile` and `readImportHeader` (BAD_USER_INPUT).
 */
export async function previewImport(bytes: Uint8Array, options: PreviewOptions, visibility: FieldVisibility): Promise<ImportPreview> {
  const { kind, encoding: given, delimiter: givenDelimiter, choices } = options;
  const cut = bytes.length >= PREVIEW_BYTES;
  const complete = cut ? completeLines(bytes, given) : bytes;
  const decoded = decodeImportFile(complete, given);
  const text = normalizeText(decoded.text);
  const { delimiter, cells } = readImportHeader(text, givenDelimiter);
  const mapping = await importColumns(kind, cells, visibility, choices);
  const targets = await importTargets(kind, visibility);

  const builtInName = new Map(Object.entries(BUILT_IN[kind]).map(([name, target]) => [target, name]));
  const mapped = new Map(mapping.columns.map((column) => [column.position, column]));
  const refused = new Map(mapping.problems.filter((p) => p.position !== null).map((p) => [p.position!, p.problem]));
  const described = (column: ImportColumn | undefined): Pick<PreviewColumn, 'target' | 'label'> => {
    // Columns an export writes but an import does not set (Created, Updated, Members) fill nothing, like a column left out.
    if (!column || column.target === 'ignored') return { target: null, label: null };
    if (column.target === 'detail') return { target: column.field.key, label: column.field.label };
    const name = builtInName.get(column.target)!;
    return { target: name, label: name };
  };
  const columns = cells.map((header, index): PreviewColumn => {
    const position = index + 1;
    const refusal = refused.get(position);
    return { position, header, ...described(mapped.get(position)), problem: refusal ? shown(refusal) : null };
  });
  const sample = await sampleRecords(complete, { encoding: importEncoding(decoded.encoding), delimiter }, cut);
  return {
    encoding: decoded.encoding,
    delimiter: delimiterName(delimiter),
    columns,
    problems: mapping.problems.map((p) => ({ position: p.position, ...shown(p.problem) })),
    // The export guards a cell that starts like a formula with a `'`; the import takes it off, so the preview does too.
    rows: sample.rows.map((row) => row.map(unneutralizeFormula)),
    fileProblem: sample.refusal && shown(sample.refusal),
    targets,
  };
}

/** The kind's built-in columns (those an import sets) and the detail fields of its scope the viewer may edit, not archived, in their order. */
export async function importTargets(kind: ImportKind, visibility: FieldVisibility): Promise<PreviewTarget[]> {
  const builtIn = Object.entries(BUILT_IN[kind])
    .filter(([, target]) => target !== 'ignored')
    // An organization's name is its required column: first, as the contract lists it.
    .sort(([, a], [, b]) => Number(b === 'name') - Number(a === 'name'))
    .map(([name]): PreviewTarget => ({ target: name, label: name, kind: 'builtIn' }));
  const scope = kind === 'customers' ? DetailFieldScope.CUSTOMER : DetailFieldScope.ORGANIZATION;
  const fields = (await visibility.viewable(scope)).filter((field) => visibility.canEdit(field));
  return [...builtIn, ...fields.map((field): PreviewTarget => ({ target: field.key, label: field.label, kind: 'detail', type: field.type }))];
}

/**
 * An empty import file of the kind: UTF-8 with a BOM (as exports are, so
 * Excel reads it right), a header row of the built-in columns and the labels
 * of the detail fields the viewer may edit. Labels are written as they are
 * (not neutralized against formulas): the header must match them on import.
 */
export async function importTemplate(kind: ImportKind, visibility: FieldVisibility): Promise<string> {
  return UTF8_BOM + csvLines([(await importTargets(kind, visibility)).map((t) => t.label)]);
}
