// The benchmark database (created and filled by seed.mjs and seed-sql.mjs),
// the bench's API tokens in it, and a read-only role for the peer that sees
// only customers, organizations, memberships, entitlements and products.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

export const PEER_ROLE = 'cp_bench_peer';

/** The same server URL with another database (and optionally another user). */
export function withDatabase(serverUrl, database, user, password) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = password ?? '';
  }
  return url.toString();
}

/** Runs `fn` with one connected client, closed after. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, application_name: 'cp-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database; with `reuse`, keeps an existing one (BENCH_KEEP=1 runs). Returns whether it already existed. */
export async function createDatabase(serverUrl, name, { reuse }) {
  return withClient(serverUrl, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount && reuse) return true;
    if (rowCount) await c.query(`DROP DATABASE ${ident(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${ident(name)}`);
    return false;
  });
}

export async function dropDatabase(serverUrl, name) {
  await withClient(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    // Roles are cluster-wide; ours owns nothing once its database is gone.
    await c.query(`DROP ROLE IF EXISTS ${PEER_ROLE}`);
  });
}

export const ident = (name) => `"${name.replace(/"/g, '""')}"`;

// Name parts for realistic people and companies (seed-sql.mjs). The rare
// search term ("zephyrine") is given to one customer in 20,000; the common
// one ("son") is in about 11 % of the last names.
export const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Oliver', 'Sophia', 'Elijah', 'Isabella', 'Lucas', 'Mia', 'Mateo',
  'Amelia', 'Levi', 'Harper', 'Ethan', 'Evelyn', 'James', 'Abigail', 'Henry', 'Emily', 'Sebastian', 'Ella', 'Jack',
  'Aiko', 'Haruto', 'Yui', 'Sota', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Ingrid', 'Lars', 'Chiara', 'Luca', 'Zoe',
  'Mateus', 'Camila', 'Diego', 'Hana', 'Minjun', 'Nora', 'Felix', 'Leila', 'Tariq', 'Aurora', 'Kai'];
export const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson',
  'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen',
  'Hill', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Campbell', 'Tanaka', 'Suzuki', 'Sato', 'Kowalski', 'Novak',
  'Rossi', 'Bianchi', 'Muller', 'Schmidt', 'Dubois', 'Larsen', 'Hansen', 'Okafor', 'Mensah', 'Silva', 'Santos',
  'Kim', 'Park', 'Chen', 'Wang', 'Singh', 'Patel', 'Ivanova', 'Petrov'];
export const DOMAINS = ['example.com', 'mail.example.org', 'corp.example.net', 'acme.test', 'globex.test', 'initech.test',
  'umbrella.test', 'hooli.test', 'stark.test', 'wayne.test'];
export const ORG_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Cyberdyne', 'Tyrell',
  'Soylent', 'Vandelay', 'Pied Piper', 'Aperture', 'Massive Dynamic', 'Oscorp', 'Gringotts', 'Nakatomi'];
export const ORG_B = ['Labs', 'Systems', 'Group', 'Industries', 'Holdings', 'Logistics', 'Health', 'Foods', 'Media',
  'Software', 'Partners', 'Energy', 'Bank', 'Retail'];

/** A SQL array literal of text values (for generated rows). */
export const sqlArray = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

export const SEARCH_TERMS = { rare: 'zephyrine', common: 'son' };

/**
 * Drops the indexes of `tables` that back no constraint and returns their
 * definitions (read from the catalog: the migrations' and our API's own), to
 * be rebuilt after a bulk write: far faster than upkeep per row.
 */
export async function dropIndexes(c, tables) {
  const { rows } = await c.query(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`, [tables]);
  for (const { name } of rows) await c.query(`DROP INDEX ${name}`);
  return rows;
}

/** How the detail values came out: value and search-row counts, and customers per marker word. */
export async function detailCounts(url, terms) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT
      (SELECT count(*)::int FROM detail_fields WHERE scope = 'CUSTOMER') AS fields,
      (SELECT sum((SELECT count(*) FROM jsonb_object_keys(details)))::int FROM customers) AS "values",
      (SELECT count(*)::int FROM detail_search) AS "searchRows",
      (SELECT count(DISTINCT owner_id)::int FROM detail_search WHERE search_text ILIKE '%' || $1 || '%') AS "rareMatches",
      (SELECT count(DISTINCT owner_id)::int FROM detail_search WHERE search_text ILIKE '%' || $2 || '%') AS "commonMatches",
      (SELECT count(DISTINCT owner_id)::int FROM detail_search WHERE search_text ILIKE '%' || $3 || '%') AS "hiddenMatches"`,
    [terms.rare, terms.common, terms.hidden]);
    return rows[0];
  });
}

/**
 * What the peer may see and use. PostGraphile 5 turns GRANTs into its schema
 * (PgRBACPlugin), so a role with SELECT on customers, organizations, their
 * memberships, entitlements and products exposes exactly those. Additions
 * for a fair comparison, in the benchmark database only: an index for its
 * display-name order (it sorts on the column; we sort on lower(display_name),
 * which has our index), and `customers_agent_details(customers)`, a computed
 * column (`agentDetails`) holding `details` without `hiddenKeys`: the values
 * the benchmark's AGENT may see, the same shape as our `detailsByKey`
 * (its permission rule fixed in SQL, where ours checks the viewer's). Its
 * search filters our stored, accent-folded `search_text` column (exposed as
 * `searchText`), so its ILIKE uses our trigram index.
 */
export async function preparePeer(url, password, hiddenKeys) {
  await withClient(url, async (c) => {
    const db = (await c.query('SELECT current_database() AS d')).rows[0].d;
    await c.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PEER_ROLE}') THEN CREATE ROLE ${PEER_ROLE} LOGIN; END IF;
      END $$`);
    await c.query(`ALTER ROLE ${PEER_ROLE} LOGIN PASSWORD '${password}'`);
    await c.query(`GRANT CONNECT ON DATABASE ${ident(db)} TO ${PEER_ROLE}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${PEER_ROLE}`);
    await c.query(`GRANT SELECT ON customers, organizations, customer_organizations, entitlements, products TO ${PEER_ROLE}`);
    await c.query(`CREATE OR REPLACE FUNCTION customers_agent_details(c customers) RETURNS jsonb LANGUAGE sql STABLE
      AS $$ SELECT c.details - ${sqlArray(hiddenKeys)}::text[] $$`);
    await c.query('CREATE INDEX IF NOT EXISTS bench_peer_customers_display_name_idx ON customers (display_name, id)');
    // A kept database from before search_text existed has this computed column, whose name now clashes with it.
    await c.query('DROP FUNCTION IF EXISTS customers_search_text(customers)');
    await c.query('ANALYZE customers');
  });
}

/** A cursor position far into the list: the display-name-ordered row at `offset` (for building "after" cursors). */
export async function rowAtOffset(url, offset) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT id::text AS id, lower(display_name) AS "lowerName", display_name AS "displayName"
         FROM customers ORDER BY lower(display_name), id OFFSET $1 LIMIT 1`, [offset]);
    return rows[0];
  });
}

export async function serverVersion(url) {
  return withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
}

/**
 * Fresh API tokens for a run on a seeded database (whose admin's password an
 * earlier run chose and forgot): an ADMIN token and an AGENT token in no
 * team, created by the first admin, written as our API writes them (only the
 * SHA-256 of the secret is stored, see packages/api/src/auth/secret-token.ts).
 * Earlier runs' tokens of the same `names` go first (another benchmark passes
 * its own names, so it never deletes the tokens of a `pnpm bench` running
 * beside it). Returns `{ admin, agent }` secrets.
 */
export async function createBenchTokens(url, names = { admin: 'bench', agent: 'bench-agent' }) {
  const secret = () => `cpt_${randomBytes(32).toString('base64url')}`;
  const tokens = { admin: secret(), agent: secret() };
  await withClient(url, async (c) => {
    await c.query(`DELETE FROM api_tokens WHERE name = ANY($1::text[])`, [[names.admin, names.agent]]);
    await c.query(`
      INSERT INTO api_tokens (name, role, token_hash, created_by_id)
      SELECT t.name, t.role, t.hash, (SELECT id FROM agents WHERE role = 'ADMIN' AND active ORDER BY created_at LIMIT 1)
        FROM unnest($1::text[], $2::text[], $3::text[]) AS t(name, role, hash)`,
    [[names.admin, names.agent], ['ADMIN', 'AGENT'], [tokens.admin, tokens.agent].map((t) => createHash('sha256').update(t).digest('hex'))]);
  });
  return tokens;
}

/**
 * Waits (at most `maxSeconds`) until no other session runs a statement in
 * the database at `url`: a server answers again before PostgreSQL has
 * finished the queries of requests its clients gave up on. Resolves with the
 * seconds waited.
 */
export async function waitForIdleDatabase(url, maxSeconds = 90) {
  const started = Date.now();
  await withClient(url, async (c) => {
    while (Date.now() - started < maxSeconds * 1000) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()`);
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  return Math.round((Date.now() - started) / 100) / 10;
}
