import { stringify } from 'csv-stringify/sync';
import { detailValueToCsv, neutralizeFormula, type StoredDetailValue } from '@cp/shared';
import type { DetailField } from '../detail-fields/detail-field.entity';
import { DetailFieldType } from '../detail-fields/detail-field.enums';

/** Excel reads a UTF-8 file as the local code page (Shift_JIS in Japan) unless it starts with this. */
export const UTF8_BOM = '\uFEFF';

/** Several organizations in one cell, as the import format reads them. */
export const NAME_SEPARATOR = '|';

/**
 * CSV text of some records (one line each, CRLF as RFC 4180 says). Quoting is
 * csv-stringify's; with CRLF records it would quote only cells holding the
 * whole CRLF, so a cell with a lone LF or CR is quoted explicitly.
 */
export function csvLines(records: ReadonlyArray<readonly string[]>): string {
  return stringify(records as string[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** A built-in text cell (name, email, username, organization names): empty for null, neutralized against formulas. */
export const textCell = (value: string | null | undefined): string => (value ? neutralizeFormula(value) : '');

/** A time as ISO 8601 in UTC with milliseconds (`2026-11-30T01:02:03.456Z`); never neutralized, it starts with a digit. */
export const timeCell = (value: Date): string => value.toISOString();

/**
 * One detail value in the import format (`detailValueToCsv`: options joined
 * by `|`, dates YYYY-MM-DD, booleans true/false, numbers plain, text
 * neutralized), except USER, which is written as the agent's email so the
 * file imports back; `agentEmails` maps agent ids to emails (an agent that no
 * longer exists leaves the cell empty).
 */
export function detailCell(field: DetailField, value: StoredDetailValue | undefined, agentEmails: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null) return '';
  if (field.type === DetailFieldType.USER) return textCell(agentEmails.get(String(value)));
  return detailValueToCsv(field, value);
}

/** The agent ids that the USER fields among `fields` hold in these rows' values. */
export function agentIdsIn(fields: readonly DetailField[], rows: Iterable<Record<string, StoredDetailValue>>): string[] {
  const userKeys = fields.filter((f) => f.type === DetailFieldType.USER).map((f) => f.key);
  const ids = new Set<string>();
  if (userKeys.length === 0) return [];
  for (const details of rows) {
    for (const key of userKeys) if (typeof details[key] === 'string') ids.add(details[key] as string);
  }
  return [...ids];
}
