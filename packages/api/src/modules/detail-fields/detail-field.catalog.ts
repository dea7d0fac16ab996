import type { DataSource, EntityManager } from 'typeorm';
import { SharedCache, type CacheInvalidation } from '../../db/cache-invalidation';
import { DetailField } from './detail-field.entity';
import type { DetailFieldScope } from './detail-field.enums';

interface DefinitionRow {
  id: string;
  scope: DetailFieldScope;
  key: string;
  label: string;
  type: DetailField['type'];
  options: string[];
  position: number;
  archived: boolean;
  version: number;
  viewAll: boolean | null;
  editAll: boolean | null;
  viewTeams: string[];
  editTeams: string[];
}

const SELECT_DEFINITIONS = `
  SELECT f.id, f.scope, f.key, f.label::text AS label, f.type, f.options, f.position, f.archived, f.version,
         v.all_agents AS "viewAll", e.all_agents AS "editAll",
         ARRAY(SELECT team_id::text FROM detail_field_permission_teams t WHERE t.field_id = f.id AND t.access = 'VIEW') AS "viewTeams",
         ARRAY(SELECT team_id::text FROM detail_field_permission_teams t WHERE t.field_id = f.id AND t.access = 'EDIT') AS "editTeams"
    FROM detail_fields f
    LEFT JOIN detail_field_permissions v ON v.field_id = f.id AND v.access = 'VIEW'
    LEFT JOIN detail_field_permissions e ON e.field_id = f.id AND e.access = 'EDIT'`;

const toField = (row: DefinitionRow): DetailField =>
  freezeField(Object.assign(new DetailField(), {
    id: row.id,
    scope: row.scope,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    position: row.position,
    archived: row.archived,
    version: row.version,
    // A field with no permission rows admits no agent: deny by default.
    view: { allAgents: row.viewAll ?? false, teamIds: row.viewTeams },
    edit: { allAgents: row.editAll ?? false, teamIds: row.editTeams },
  }));

/** Definitions are shared by every request of a process (DetailFieldCatalog): nobody may change one in place. */
function freezeField(field: DetailField): DetailField {
  for (const part of [field.options, field.view.teamIds, field.edit.teamIds, field.view, field.edit]) Object.freeze(part);
  return Object.freeze(field);
}

/** Reads field definitions together with their permissions, in position order. */
export async function loadDefinitions(db: DataSource | EntityManager, where = '', params: unknown[] = []): Promise<DetailField[]> {
  const rows: DefinitionRow[] = await db.query(`${SELECT_DEFINITIONS} ${where} ORDER BY f.scope, f.position, f.id`, params);
  return rows.map(toField);
}

/** Where a request's FieldVisibility reads definitions from: this process's catalog, or (jobs, tests) straight from the database. */
export type DefinitionSource = DetailFieldCatalog | DataSource | EntityManager;

/**
 * Every field definition with its permissions, read once and kept for all
 * requests of this process until a `fields` notice (any write to
 * detail_fields or their permission tables, from any process, see
 * `db/cache-invalidation.ts`) or 60 s pass. Each request's FieldVisibility
 * filters this list for its viewer without a statement of its own.
 */
export class DetailFieldCatalog {
  private readonly cache: SharedCache<readonly DetailField[]>;

  constructor(
    private readonly db: DataSource,
    invalidation: CacheInvalidation,
  ) {
    this.cache = new SharedCache(invalidation, 'fields', { ttlMs: 60_000, maxEntries: 1 });
  }

  /** All definitions of every scope (archived too), in scope and position order; frozen. */
  async all(): Promise<readonly DetailField[]> {
    return (await this.cache.get('all', () => loadDefinitions(this.db)))!;
  }
}

/** The definitions of `source`: the catalog's (cached), or read now. */
export function definitionsOf(source: DefinitionSource): Promise<readonly DetailField[]> {
  return source instanceof DetailFieldCatalog ? source.all() : loadDefinitions(source);
}
