import { createHash } from 'node:crypto';
import { sortKind, type DetailFieldDefinition } from '@cp/shared';
import type { DetailOwnerKind } from './detail-owner.registry';
import type { SortKey } from '../../common/keyset';

/** An owner kind whose lists sort by detail fields. */
export type SortableOwner = DetailOwnerKind & Required<Pick<DetailOwnerKind, 'tieBreak'>>;

export const isSortableOwner = (owner: DetailOwnerKind): owner is SortableOwner => owner.tieBreak !== undefined;

/** A SQL string literal; standard_conforming_strings (on since PostgreSQL 9.1) leaves backslashes alone. */
const sqlLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Sort keys of a detail field for its owner's list, shared by the ORDER BY
 * and the field's index (the expressions must match to the letter for
 * PostgreSQL to use the index). Empty values sort last (ascending); ties go
 * to the owner's tie-break (customers: the name, then the id). Selects sort by the
 * option's position in the field's current list (1-based; a stored value
 * outside the list, which writes never leave, sorts as 0), multi-selects by
 * their first option (stored lists keep option order): the list is inlined
 * as a JSON object option → position, so the index must be rebuilt whenever
 * the options change (`syncSortIndexes`). The key is inlined too: it matches
 * ^[a-z][a-z0-9_]*$ (checked by the table).
 */
export function detailSortKeys(owner: SortableOwner, field: DetailFieldDefinition, alias: string): SortKey[] {
  const raw = `(${alias}.details ->> '${field.key}')`;
  const kind = sortKind(field.type);
  const value: SortKey =
    kind === 'number'
      ? { sql: `coalesce(${raw}::numeric, 0)`, type: 'numeric' }
      : kind === 'boolean'
        ? { sql: `coalesce(${raw}::boolean, false)`, type: 'boolean' }
        : kind === 'date'
          ? { sql: `coalesce(${raw}, '')`, type: 'text' }
          : kind === 'option'
            ? { sql: `coalesce((${sqlLiteral(JSON.stringify(optionPositions(field.options)))}::jsonb ->> ${firstOption(field, alias)})::integer, 0)`, type: 'integer' }
            : { sql: `lower(coalesce(${raw}, ''))`, type: 'text' };
  return [{ sql: `(${raw} IS NULL)`, type: 'boolean' }, value, ...owner.tieBreak(alias)];
}

const optionPositions = (options: readonly string[]) => Object.fromEntries(options.map((option, i) => [option, i + 1]));

const firstOption = (field: DetailFieldDefinition, alias: string) =>
  field.type === 'MULTI_SELECT' ? `(${alias}.details -> '${field.key}' ->> 0)` : `(${alias}.details ->> '${field.key}')`;

/** Name prefix of every sort index of one field (the rest names its expressions). */
export const sortIndexPrefix = (owner: SortableOwner, fieldId: string) => `${owner.table}_detail_${fieldId.replace(/-/g, '').slice(0, 24)}_`;

/**
 * A field's sort index on its owner's table: the name carries a hash of the
 * indexed expressions, so a field whose expressions changed (options
 * renamed, reordered, added or removed; a new tie-break rule) wants a new
 * index and the old one is known to be stale.
 */
export function detailSortIndex(owner: SortableOwner, field: DetailFieldDefinition & { id: string }): { name: string; ddl: string } {
  const columns = detailSortKeys(owner, field, owner.table)
    .map((k) => `(${k.sql.replaceAll(`${owner.table}.`, '')})`)
    .join(', ');
  const name = `${sortIndexPrefix(owner, field.id)}${createHash('sha256').update(columns).digest('hex').slice(0, 8)}_idx`;
  return { name, ddl: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${owner.table} (${columns})` };
}
