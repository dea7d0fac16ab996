import { problem, sortKind, type DetailFieldDefinition } from '@cp/shared';
import { DetailFieldScope } from './detail-field.enums';
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

/**
 * Sort keys for a detail field, shared by the ORDER BY and the index built
 * when the field is created (the expressions must match to the letter for
 * PostgreSQL to use the index). Empty values sort last (ascending).
 * The key is inlined: it matches ^[a-z][a-z0-9_]*$ (checked by the table).
 */
export function detailSortKeys(field: DetailFieldDefinition, alias: string): SortKey[] | null {
  const raw = `(${alias}.details ->> '${field.key}')`;
  const kind = sortKind(field.type);
  if (kind === null) return null;
  const value: SortKey =
    kind === 'number'
      ? { sql: `coalesce(${raw}::numeric, 0)`, type: 'numeric' }
      : kind === 'boolean'
        ? { sql: `coalesce(${raw}::boolean, false)`, type: 'boolean' }
        : kind === 'date'
          ? { sql: `coalesce(${raw}, '')`, type: 'text' }
          : { sql: `lower(coalesce(${raw}, ''))`, type: 'text' };
  return [{ sql: `(${raw} IS NULL)`, type: 'boolean' }, value, { sql: `${alias}.id`, type: 'uuid' }];
}

/** DDL for a field's sort index; built once, concurrently, when a sortable customer field is created. */
export function detailSortIndexSql(field: DetailFieldDefinition & { id: string }): string | null {
  const keys = detailSortKeys(field, 'customers');
  if (!keys) return null;
  const name = `customers_detail_${field.id.replace(/-/g, '').slice(0, 24)}_idx`;
  const columns = keys.map((k) => `(${k.sql.replace(/customers\./g, '')})`).join(', ');
  return `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON customers (${columns})`;
}
