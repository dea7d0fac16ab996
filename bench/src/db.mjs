// The benchmark database: created fresh, bulk-loaded in SQL, and a read-only
// role for the peer that can see only customers and organizations.
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

async function withClient(url, fn) {
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

const ident = (name) => `"${name.replace(/"/g, '""')}"`;

// Name parts for realistic people and companies. The rare search term
// ("zephyrine") is given to one customer in 20,000; the common one ("son")
// is in about a fifth of the last names.
const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Oliver', 'Sophia', 'Elijah', 'Isabella', 'Lucas', 'Mia', 'Mateo',
  'Amelia', 'Levi', 'Harper', 'Ethan', 'Evelyn', 'James', 'Abigail', 'Henry', 'Emily', 'Sebastian', 'Ella', 'Jack',
  'Aiko', 'Haruto', 'Yui', 'Sota', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Ingrid', 'Lars', 'Chiara', 'Luca', 'Zoe',
  'Mateus', 'Camila', 'Diego', 'Hana', 'Minjun', 'Nora', 'Felix', 'Leila', 'Tariq', 'Aurora', 'Kai'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson',
  'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen',
  'Hill', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Campbell', 'Tanaka', 'Suzuki', 'Sato', 'Kowalski', 'Novak',
  'Rossi', 'Bianchi', 'Muller', 'Schmidt', 'Dubois', 'Larsen', 'Hansen', 'Okafor', 'Mensah', 'Silva', 'Santos',
  'Kim', 'Park', 'Chen', 'Wang', 'Singh', 'Patel', 'Ivanova', 'Petrov'];
const DOMAINS = ['example.com', 'mail.example.org', 'corp.example.net', 'acme.test', 'globex.test', 'initech.test',
  'umbrella.test', 'hooli.test', 'stark.test', 'wayne.test'];
const ORG_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Cyberdyne', 'Tyrell',
  'Soylent', 'Vandelay', 'Pied Piper', 'Aperture', 'Massive Dynamic', 'Oscorp', 'Gringotts', 'Nakatomi'];
const ORG_B = ['Labs', 'Systems', 'Group', 'Industries', 'Holdings', 'Logistics', 'Health', 'Foods', 'Media',
  'Software', 'Partners', 'Energy', 'Bank', 'Retail'];

const sqlArray = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

export const SEARCH_TERMS = { rare: 'zephyrine', common: 'son' };

/**
 * Loads `customers` customers and one organization per 30 of them, every
 * customer in one organization and every tenth in a second one. Indexes other
 * than keys are dropped first and rebuilt after (with the migrations' own
 * definitions, read back from the catalog): far faster than upkeep per row.
 */
export async function loadData(url, customers) {
  const organizations = Math.max(1, Math.ceil(customers / 30));
  return withClient(url, async (c) => {
    await c.query(`SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    const { rows: indexes } = await c.query(`
      SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relname IN ('customers', 'organizations', 'customer_organizations')
         AND t.relnamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
    for (const { name } of indexes) await c.query(`DROP INDEX ${name}`);

    // Deterministic ids (md5 of the ordinal) let the membership rows be generated without lookups.
    await c.query(`
      INSERT INTO organizations (id, name)
      SELECT md5('o' || g)::uuid,
             (${sqlArray(ORG_A)})[1 + g % ${ORG_A.length}] || ' ' || (${sqlArray(ORG_B)})[1 + (g / ${ORG_A.length}) % ${ORG_B.length}] || ' ' || g
        FROM generate_series(1, $1::int) g`, [organizations]);
    await c.query(`
      INSERT INTO customers (id, email, username, display_name, created_at, updated_at)
      SELECT md5('c' || i)::uuid,
             CASE WHEN i % 50 = 0 THEN NULL ELSE lower(first || '.' || last || i || '@' || (${sqlArray(DOMAINS)})[1 + i % ${DOMAINS.length}]) END,
             CASE WHEN i % 10 = 0 THEN lower(first || '_' || i) END,
             first || ' ' || last,
             t, t
        FROM generate_series(1, $1::int) i,
             LATERAL (SELECT CASE WHEN i % 20000 = 7 THEN 'Zephyrine' ELSE (${sqlArray(FIRST)})[1 + (i * 7) % ${FIRST.length}] END AS first,
                             (${sqlArray(LAST)})[1 + (i * 13) % ${LAST.length}] AS last,
                             now() - make_interval(mins => i) AS t) p`, [customers]);
    await c.query(`
      INSERT INTO customer_organizations (customer_id, organization_id)
      SELECT md5('c' || i)::uuid, md5('o' || (1 + i % $2::int))::uuid FROM generate_series(1, $1::int) i
      UNION
      SELECT md5('c' || i)::uuid, md5('o' || (1 + (i * 7 + 3) % $2::int))::uuid FROM generate_series(10, $1::int, 10) i`,
    [customers, organizations]);

    for (const { def } of indexes) await c.query(def);
    await c.query('VACUUM ANALYZE customers, organizations, customer_organizations');
    return counts(c);
  });
}

async function counts(c) {
  const { rows } = await c.query(`SELECT
    (SELECT count(*)::int FROM customers) AS customers,
    (SELECT count(*)::int FROM organizations) AS organizations,
    (SELECT count(*)::int FROM customer_organizations) AS memberships,
    (SELECT count(*)::int FROM customers WHERE display_name ILIKE '%' || $1 || '%' OR email::text ILIKE '%' || $1 || '%') AS "rareMatches",
    (SELECT count(*)::int FROM customers WHERE display_name ILIKE '%' || $2 || '%' OR email::text ILIKE '%' || $2 || '%') AS "commonMatches"`,
  [SEARCH_TERMS.rare, SEARCH_TERMS.common]);
  return rows[0];
}

/** Row counts of a kept database (BENCH_KEEP=1), or null when it has no customers table yet. */
export async function existingRows(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT to_regclass('public.customers') IS NOT NULL AS ok`);
    return rows[0].ok ? counts(c) : null;
  });
}

/** A kept database's agents and tokens go, so this run's admin is created afresh with its own password. */
export async function resetAgents(url) {
  await withClient(url, (c) => c.query('TRUNCATE agents, api_tokens, sessions, rate_limits CASCADE'));
}

/**
 * What the peer may see and use. PostGraphile 5 turns GRANTs into its schema
 * (PgRBACPlugin), so a role with SELECT on three tables exposes exactly those.
 * Two additions keep the comparison fair, both in the benchmark database only:
 * an index for its display-name order (it sorts on the column; we sort on
 * lower(display_name), which has our index), and a computed column holding our
 * search expression, so its filter's ILIKE can use our trigram index.
 */
export async function preparePeer(url, password) {
  await withClient(url, async (c) => {
    const db = (await c.query('SELECT current_database() AS d')).rows[0].d;
    await c.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PEER_ROLE}') THEN CREATE ROLE ${PEER_ROLE} LOGIN; END IF;
      END $$`);
    await c.query(`ALTER ROLE ${PEER_ROLE} LOGIN PASSWORD '${password}'`);
    await c.query(`GRANT CONNECT ON DATABASE ${ident(db)} TO ${PEER_ROLE}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${PEER_ROLE}`);
    await c.query(`GRANT SELECT ON customers, organizations, customer_organizations TO ${PEER_ROLE}`);
    await c.query('CREATE INDEX IF NOT EXISTS bench_peer_customers_display_name_idx ON customers (display_name, id)');
    // LANGUAGE sql + IMMUTABLE lets PostgreSQL inline it, so the expression matches customers_search_trgm_idx.
    await c.query(`CREATE OR REPLACE FUNCTION customers_search_text(c customers) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT coalesce(c.email::text, '') || ' ' || coalesce(c.username::text, '') || ' ' || c.display_name $$`);
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
