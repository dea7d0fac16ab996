import { normalizeText, problem, shownValue, type ImportKind, type Problem } from '@cp/shared';
import type { DetailField } from '../detail-fields/detail-field.entity';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { FieldVisibility } from '../detail-fields/field-visibility';

export type { ImportKind };

/** What a built-in column fills. `ignored`: a column our export writes that an import does not set (times, member counts). */
export type BuiltInTarget = 'externalId' | 'email' | 'username' | 'displayName' | 'organizations' | 'name' | 'ignored';

/** One header cell and what it fills; `position` counts from 1, as spreadsheets do. */
export type ImportColumn = { position: number; header: string } & ({ target: BuiltInTarget } | { target: 'detail'; field: DetailField });

/** A refused column (position) or a refused header (position null); `fieldId` when the refusal names a detail field (its label), so a report can hide it from whoever may no longer view that field. */
export interface ColumnProblem {
  position: number | null;
  problem: Problem;
  fieldId?: string;
}

/** The header mapped to columns: every usable column, and every problem (all of them, not only the first). */
export interface ColumnMapping {
  columns: ImportColumn[];
  problems: ColumnProblem[];
}

/** A detail field the importer may view, and whether they may edit it. */
export interface ImportableField {
  field: DetailField;
  editable: boolean;
}

/** Built-in columns per kind, by the header the import format names them with (see the contract's "CSV import format"). */
export const BUILT_IN: Record<ImportKind, Record<string, BuiltInTarget>> = {
  customers: {
    'External ID': 'externalId',
    Email: 'email',
    Username: 'username',
    'Display name': 'displayName',
    Organization: 'organizations',
    Created: 'ignored',
    Updated: 'ignored',
  },
  organizations: { 'External ID': 'externalId', 'Organization Name': 'name', Created: 'ignored', Updated: 'ignored', Members: 'ignored' },
};

/** Other headers people give a built-in column (an organizations file's `Name`, as most tools call it), by the built-in name they mean. */
const ALIASES: Record<ImportKind, Record<string, string>> = { customers: {}, organizations: { Name: 'Organization Name' } };

/** Columns of which a file needs at least one, to match each row to a record. */
const KEY_COLUMNS: Record<ImportKind, string[]> = { customers: ['External ID', 'Email', 'Username'], organizations: ['Organization Name'] };

/**
 * What the importer chose for some columns in the wizard, by position (from
 * 1): a built-in column's name or a detail field's label or key, read as if
 * it were the header; `''` leaves the column out (not imported, no problem).
 */
export type ColumnChoices = ReadonlyMap<number, string>;

/** How headers are compared: NFC, trimmed, runs of spaces as one, case ignored. */
const folded = (text: string) => normalizeText(text).trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Maps an import file's header cells to what they fill. Built-in names come
 * first; then a detail field by label, then by key (case-insensitively),
 * among `fields` only — the fields the importer may view — so a field they
 * may not view is reported exactly like a column that matches nothing
 * (IMPORT_UNKNOWN_COLUMN). A viewable field they may not edit is
 * IMPORT_READ_ONLY_COLUMN naming its label; a second column filling the same
 * thing IMPORT_DUPLICATE_COLUMN; a blank header cell IMPORT_EMPTY_COLUMN_NAME;
 * no key column (External ID, Email or Username; Organization Name)
 * IMPORT_MISSING_KEY_COLUMN. Refused columns are left out of `columns`.
 * `choices` replace the header cell of their columns (see ColumnChoices);
 * a refusal of a chosen target names the column's header as written.
 */
export function mapImportColumns(kind: ImportKind, header: readonly string[], fields: readonly ImportableField[], choices: ColumnChoices = new Map()): ColumnMapping {
  const builtIn = new Map(Object.entries(BUILT_IN[kind]).map(([name, target]) => [folded(name), { name, target }]));
  for (const [alias, name] of Object.entries(ALIASES[kind])) builtIn.set(folded(alias), builtIn.get(folded(name))!);
  const byLabel = new Map(fields.map((f) => [folded(f.field.label), f]));
  const byKey = new Map(fields.map((f) => [folded(f.field.key), f]));
  const columns: ImportColumn[] = [];
  const problems: ColumnProblem[] = [];
  // What each column fills, for duplicates: built-in name or field id → the first column's header.
  const filled = new Map<string, string>();

  header.forEach((cell, index) => {
    const position = index + 1;
    const chosen = choices.get(position);
    if (chosen === '') return;
    const name = folded(chosen ?? cell);
    const refuse = (refusal: Problem, fieldId?: string) => problems.push({ position, problem: refusal, ...(fieldId ? { fieldId } : {}) });
    if (!name) return refuse(problem('IMPORT_EMPTY_COLUMN_NAME', { position }));
    const known = builtIn.get(name);
    const importable = known ? undefined : (byLabel.get(name) ?? byKey.get(name));
    if (!known && !importable) return refuse(problem('IMPORT_UNKNOWN_COLUMN', { column: shownValue(cell) }));
    if (importable && !importable.editable) return refuse(problem('IMPORT_READ_ONLY_COLUMN', { column: shownValue(cell), label: importable.field.label }), importable.field.id);
    const target = known ? known.name : importable!.field.id;
    const first = filled.get(target);
    if (first !== undefined && known?.target !== 'ignored') {
      return refuse(problem('IMPORT_DUPLICATE_COLUMN', { first: shownValue(first), column: shownValue(cell), target: known ? known.name : importable!.field.label }), importable?.field.id);
    }
    filled.set(target, cell);
    columns.push(known ? { position, header: cell, target: known.target } : { position, header: cell, target: 'detail', field: importable!.field });
  });

  const keys = KEY_COLUMNS[kind];
  if (!keys.some((key) => filled.has(key))) problems.push({ position: null, problem: problem('IMPORT_MISSING_KEY_COLUMN', { columns: keys }) });
  return { columns, problems };
}

/** `mapImportColumns` with the importer's own fields: those `visibility` lets them view, not archived, with whether they may edit each. */
export async function importColumns(kind: ImportKind, header: readonly string[], visibility: FieldVisibility, choices?: ColumnChoices): Promise<ColumnMapping> {
  const scope = kind === 'customers' ? DetailFieldScope.CUSTOMER : DetailFieldScope.ORGANIZATION;
  const fields = (await visibility.viewable(scope)).map((field) => ({ field, editable: visibility.canEdit(field) }));
  return mapImportColumns(kind, header, fields, choices);
}
