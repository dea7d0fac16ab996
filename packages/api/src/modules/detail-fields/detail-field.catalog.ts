import type { DataSource, EntityManager } from 'typeorm';
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
  Object.assign(new DetailField(), {
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
  });

/** Reads field definitions together with their permissions, in position order. */
export async function loadDefinitions(db: DataSource | EntityManager, where = '', params: unknown[] = []): Promise<DetailField[]> {
  const rows: DefinitionRow[] = await db.query(`${SELECT_DEFINITIONS} ${where} ORDER BY f.scope, f.position, f.id`, params);
  return rows.map(toField);
}
