import {
  cleanExternalId,
  cleanIdentifier,
  emailProblem,
  externalIdProblem,
  identifierRefusal,
  normalizeText,
  parseDetailCsv,
  problem,
  shownValue,
  usernameProblem,
  type CsvReadOptions,
  unneutralizeFormula,
  type Problem,
  type StoredDetailValue,
} from '@cp/shared';
import { DetailFieldType } from '../detail-fields/detail-field.enums';
import { collapseSpaces } from '../organizations/organization.service';
import type { ImportColumn, ImportKind } from './import-columns';

/** A data row as it is staged (`import_rows`): what it would write. `null` attributes leave the stored ones as they are. */
export interface StagedRow {
  rowNo: number;
  line: number;
  externalId: string | null;
  email: string | null;
  username: string | null;
  /** Customers: the display name; organizations: the organization's name. */
  name: string | null;
  /** A new customer's display name when the row gives none: the email's local part, else the username. */
  defaultName: string | null;
  /** Organizations to join (customers; never left); null when the file has no Organization column. */
  organizations: string[] | null;
  details: Record<string, StoredDetailValue>;
  cleared: string[];
  failed: boolean;
}

/** One problem of a row, where it is: line, column (position and header as written), the cell's detail field and value. */
export interface RowError {
  line: number;
  position: number | null;
  header: string | null;
  fieldId: string | null;
  value: string | null;
  problem: Problem;
}

/** Longest cell text an error report keeps (the message quotes less). */
const KEPT_VALUE = 500;


/** Longest name a row may give (display names and organization names have no other limit). */
const MAX_NAME_LENGTH = 1000;

/** A name cell: too long or with control characters is refused with a value problem. */
function nameProblem(text: string): Problem | null {
  if (/[\u0000-\u001F\u007F]/.test(text)) return problem('CONTROL_CHARACTERS');
  if (Array.from(text).length > MAX_NAME_LENGTH) return problem('TOO_LONG', { max: MAX_NAME_LENGTH });
  return null;
}

/**
 * Reads one data record into what it would write, through the shared
 * codecs: detail cells by `parseDetailCsv` (with the file's date format;
 * an empty cell clears the value; a USER cell with an `@` is staged as the
 * agent's email, for `checkStagedRows` to resolve), emails and usernames cleaned and checked
 * like add-customers, names and external ids NFC and trimmed (an empty one
 * leaves the stored one), built-in cells without the quote our export adds
 * against formulas, `Organization` split on `|`. Every problem of the
 * row is returned (a row with one is `failed`): a record with another cell
 * count than the header (IMPORT_ROW_CELL_COUNT; a null cell, a key a JSON
 * row does not have, leaves its target alone), a refused cell
 * (INVALID_DETAIL_VALUE for detail fields, INVALID_IDENTIFIER,
 * IMPORT_INVALID_CELL). A record whose cells are all empty is null
 * (spreadsheets leave such rows at the end).
 */
export function stageRecord(
  kind: ImportKind,
  columns: readonly ImportColumn[],
  headerLength: number,
  record: { rowNo: number; line: number; cells: ReadonlyArray<string | null> },
  options: CsvReadOptions,
): { row: StagedRow; errors: RowError[] } | null {
  const { cells, line } = record;
  if (cells.every((cell) => cell === null || cell.trim() === '')) return null;
  const row: StagedRow = { rowNo: record.rowNo, line, externalId: null, email: null, username: null, name: null, defaultName: null, organizations: null, details: {}, cleared: [], failed: false };
  const errors: RowError[] = [];
  const refuse = (column: ImportColumn | null, cell: string | null, refusal: Problem, fieldId: string | null = null) =>
    errors.push({ line, position: column?.position ?? null, header: column?.header ?? null, fieldId, value: cell === null ? null : cell.slice(0, KEPT_VALUE), problem: refusal });
  if (cells.length !== headerLength) refuse(null, null, problem('IMPORT_ROW_CELL_COUNT', { found: cells.length, expected: headerLength }));

  for (const column of columns) {
    // A JSON row without this key leaves what it fills as it is; a short CSV row (already failed) has nothing more to check.
    const raw = cells[column.position - 1] ?? null;
    if (raw === null) continue;
    // Built-in cells lose the quote our export adds against formulas, as detail cells do in parseDetailCsv.
    const cell = column.target === 'detail' ? raw : unneutralizeFormula(raw);
    const invalid = (refusal: Problem) => refuse(column, cell, problem('IMPORT_INVALID_CELL', { column: shownValue(column.header), value: shownValue(cell), problem: refusal }));
    switch (column.target) {
      case 'detail': {
        // Our export writes an agent (USER) as their email; the check turns it into the agent's id, set-based.
        if (column.field.type === DetailFieldType.USER && cell.includes('@')) {
          row.details[column.field.key] = cell.trim();
          break;
        }
        const parsed = parseDetailCsv(column.field, cell, options);
        if (!parsed.ok) refuse(column, cell, problem('INVALID_DETAIL_VALUE', { label: column.field.label, value: shownValue(cell), problem: parsed.problem }), column.field.id);
        else if (parsed.value === null) row.cleared.push(column.field.key);
        else row.details[column.field.key] = parsed.value;
        break;
      }
      case 'email':
      case 'username': {
        const value = cleanIdentifier(cell);
        if (!value) break;
        const refusal = column.target === 'email' ? emailProblem(value) : usernameProblem(value);
        if (refusal) refuse(column, cell, identifierRefusal(cell, refusal));
        else row[column.target] = value;
        break;
      }
      case 'externalId':
      case 'displayName':
      case 'name': {
        const value = column.target === 'externalId' ? cleanExternalId(cell) : collapseSpaces(normalizeText(cell));
        if (!value) break;
        const refusal = column.target === 'externalId' ? externalIdProblem(value) : nameProblem(value);
        if (refusal) invalid(refusal);
        else if (column.target === 'externalId') row.externalId = value;
        else row.name = value;
        break;
      }
      case 'organizations': {
        const names = cell.split('|').map(collapseSpaces).filter(Boolean);
        const refusal = names.map(nameProblem).find(Boolean);
        if (refusal) invalid(refusal);
        // One name once, ignoring case (organization names are unique ignoring case).
        else row.organizations = names.filter((name, i) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === i);
        break;
      }
      case 'ignored':
        break;
    }
  }
  if (kind === 'customers') row.defaultName = row.email ? row.email.slice(0, row.email.lastIndexOf('@')) : row.username;
  row.failed = errors.length > 0;
  return { row, errors };
}
