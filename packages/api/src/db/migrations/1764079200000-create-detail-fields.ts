import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admin-defined detail fields, who may view and edit each (a separate
 * permission table, as data), and where values live: one JSONB object per
 * customer/organization (GIN for equality filters) plus a search table of the
 * text-like values with one trigram index, read only for the viewer's visible
 * fields (see DESIGN.md, "Measured: storing and searching detail values").
 */
export class CreateDetailFields1764079200000 implements MigrationInterface {
  name = 'CreateDetailFields1764079200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE detail_fields (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CHECK (scope IN ('CUSTOMER', 'ORGANIZATION', 'ENTITLEMENT')),
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,63}$'),
        label citext NOT NULL CHECK (length(btrim(label)) > 0),
        type text NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'SELECT', 'MULTI_SELECT', 'EMAIL', 'URL', 'PHONE', 'BOOLEAN', 'USER')),
        options jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'),
        position integer NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scope, key),
        UNIQUE (scope, label)
      )`);
    await q.query(`
      CREATE TABLE detail_field_permissions (
        field_id uuid NOT NULL REFERENCES detail_fields(id) ON DELETE CASCADE,
        access text NOT NULL CHECK (access IN ('VIEW', 'EDIT')),
        all_agents boolean NOT NULL,
        PRIMARY KEY (field_id, access)
      )`);
    await q.query(`
      CREATE TABLE detail_field_permission_teams (
        field_id uuid NOT NULL,
        access text NOT NULL,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        PRIMARY KEY (field_id, access, team_id),
        FOREIGN KEY (field_id, access) REFERENCES detail_field_permissions(field_id, access) ON DELETE CASCADE
      )`);
    for (const table of ['customers', 'organizations']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object')`);
      await q.query(`CREATE INDEX ${table}_details_idx ON ${table} USING gin (details jsonb_path_ops)`);
    }
    await q.query(`
      CREATE TABLE detail_search (
        owner_id uuid NOT NULL,
        field_id uuid NOT NULL REFERENCES detail_fields(id) ON DELETE CASCADE,
        text text NOT NULL,
        PRIMARY KEY (owner_id, field_id)
      )`);
    await q.query(`CREATE INDEX detail_search_text_trgm_idx ON detail_search USING gin (text gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE detail_search, detail_field_permission_teams, detail_field_permissions, detail_fields`);
    for (const table of ['customers', 'organizations']) await q.query(`ALTER TABLE ${table} DROP COLUMN details`);
  }
}
