import { createHash } from 'node:crypto';
import { problem, sortKind, type DetailFieldDefinition } from '@cp/shared';
import { DetailFieldScope } from './detail-field.enums';
import { customerTieBreak } from '../customers/customer-sort-keys';
import { badInput } from '../../common/domain-error';
import type { SortKey } from '../../common/keyset';

/** Where each scope's values live (entitlements arrive with their own module). */
const OWNER_TABLES: Partial<Record<DetailFieldScope, 'customers' | 'organizations'>> = {
  [DetailFieldScope.CUSTOMER]: 'customers',
  [DetailFieldScope.ORGANIZATION]: 'organizations',
};

export function ownerTable(scope: DetailFieldScope): 'customers' | 'organizations' {
  const table = OWNER_TABLES[scope];
  if (!table) throw badInput(problem('DETAIL_SCOPE_NOT_STORED', { scope }), 'scope');
  return table;
}

/** A SQL string literal; standard_conforming_strings (on since PostgreSQL 9.1) leaves backslashes alone. */
const sqlLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Sort keys of a detail field for the customers list, shared by the ORDER BY
 * and the field's index (the expressions must match to the letter for
 * PostgreSQL to use the index). Empty values sort last (ascending); ties go
 * to the name, then the id (`customerTieBreak`). Selects sort by the
 * option's position in the field's current list (1-based; a stored value
 * outside the list, which writes never leave, sorts as 0), multi-selects by
 * their first option (stored lists keep option order): the list is inlined
 * as a JSON object option → position, so the index must be rebuilt whenever
 * the options change (`syncSortIndexes`). The key is inlined too: it matches
 * ^[a-z][a-z0-9_]*$ (checked by the table).
 */
export function detailSortKeys(field: DetailFieldDefinition, alias: string): SortKey[] {
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
  return [{ sql: `(${raw} IS NULL)`, type: 'boolean' }, value, ...customerTieBreak(alias)];
}

const optionPositions = (options: readonly string[]) => Object.fromEntries(options.map((option, i) => [option, i + 1]));

const firstOption = (field: DetailFieldDefinition, alias: string) =>
  field.type === 'MULTI_SELECT' ? `(${alias}.details -> '${field.key}' ->> 0)` : `(${alias}.details ->> '${field.key}')`;

/** Name prefix of every sort index of one field (the rest names its expressions). */
export const sortIndexPrefix = (fieldId: string) => `customers_detail_${fieldId.replace(/-/g, '').slice(0, 24)}_`;

/**
 * A customer field's sort index: the name carries a hash of the indexed
 * expressions, so a field whose expressions changed (options renamed,
 * reordered, added or removed; a new tie-break rule) wants a new index and
 * the old one is known to be stale.
 */
export function detailSortIndex(field: DetailFieldDefinition & { id: string }): { name: string; ddl: string } {
  const columns = detailSortKeys(field, 'customers')
    .map((k) => `(${k.sql.replace(/customers\./g, '')})`)
    .join(', ');
  const name = `${sortIndexPrefix(field.id)}${createHash('sha256').update(columns).digest('hex').slice(0, 8)}_idx`;
  return { name, ddl: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON customers (${columns})` };
}
