import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel every API process LISTENs on (see `db/cache-invalidation.ts`). */
const CHANNEL = 'cp_cache';

/**
 * What each cached topic is read from: a write to any of these tables, by
 * any path (a service, an import, psql), sends the topic on `cp_cache` from
 * inside the writing transaction, so every API process hears it when (and
 * only if) the change commits. Inserting a session needs no notice (a cache
 * never holds a session it has not read), and an API token's `last_used_at`
 * (written once a minute while in use) changes no viewer.
 */
const TRIGGERS: Array<{ table: string; topic: 'viewers' | 'fields'; events: string }> = [
  { table: 'agents', topic: 'viewers', events: 'UPDATE OR DELETE OR TRUNCATE' },
  { table: 'team_members', topic: 'viewers', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
  { table: 'sessions', topic: 'viewers', events: 'UPDATE OR DELETE OR TRUNCATE' },
  { table: 'api_tokens', topic: 'viewers', events: 'DELETE OR TRUNCATE' },
  { table: 'api_token_teams', topic: 'viewers', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
  { table: 'detail_fields', topic: 'fields', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
  { table: 'detail_field_permissions', topic: 'fields', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
  { table: 'detail_field_permission_teams', topic: 'fields', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
];

/**
 * Cross-process cache invalidation (issue 9): viewers (sessions, API tokens,
 * roles, teams) and field definitions with their permissions are cached in
 * each API process, and these triggers tell every process when what they
 * cache changed. Statement-level, so a bulk change sends one notice; PostgreSQL
 * folds equal notices of one transaction into one.
 */
export class NotifyCacheChanges1764500200000 implements MigrationInterface {
  name = 'NotifyCacheChanges1764500200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_cache_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANNEL}', TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    for (const { table, topic, events } of TRIGGERS) {
      await q.query(`CREATE TRIGGER ${table}_notify_cache AFTER ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('${topic}')`);
    }
    // Row level, to leave out the once-a-minute last_used_at stamp; every other column (revoked_at, role, name...) counts.
    await q.query(`
      CREATE TRIGGER api_tokens_update_notify_cache AFTER UPDATE ON api_tokens FOR EACH ROW
        WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
        EXECUTE FUNCTION notify_cache_change('viewers')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER api_tokens_update_notify_cache ON api_tokens`);
    for (const { table } of TRIGGERS) await q.query(`DROP TRIGGER ${table}_notify_cache ON ${table}`);
    await q.query(`DROP FUNCTION notify_cache_change()`);
  }
}
