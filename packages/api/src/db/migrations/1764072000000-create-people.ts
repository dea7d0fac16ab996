import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePeople1764072000000 implements MigrationInterface {
  name = 'CreatePeople1764072000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE agents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
        role text NOT NULL CHECK (role IN ('ADMIN', 'AGENT')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name citext NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, agent_id)
      )`);
    await q.query(`CREATE INDEX team_members_agent_idx ON team_members (agent_id)`);
    await q.query(`
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_agent_idx ON sessions (agent_id)`);
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        role text NOT NULL CHECK (role IN ('ADMIN', 'AGENT')),
        token_hash text NOT NULL UNIQUE,
        created_by_id uuid REFERENCES agents(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE api_token_teams (
        api_token_id uuid NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        PRIMARY KEY (api_token_id, team_id)
      )`);
    // Layout required by rate-limiter-flexible's PostgreSQL store (we create it, it must not).
    await q.query(`
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits, api_token_teams, api_tokens, sessions, team_members, teams, agents`);
  }
}
