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

// Name parts for realistic people and companies. The rare search term
// ("zephyrine") is given to one customer in 20,000; the common one ("son")
// is in about a fifth of the last names.
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
    const indexes = await dropIndexes(c, ['customers', 'organizations', 'customer_organizations']);

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

/**
 * Drops the indexes of `tables` that back no constraint and returns their
 * definitions (read from the catalog: the migrations' and our API's own), to
 * be rebuilt after a bulk write: far faster than upkeep per row.
 */
async function dropIndexes(c, tables) {
  const { rows } = await c.query(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`, [tables]);
  for (const { name } of rows) await c.query(`DROP INDEX ${name}`);
  return rows;
}

const SEARCHABLE_TYPES = ['TEXT', 'EMAIL', 'URL', 'SELECT', 'MULTI_SELECT'];

/**
 * Fills about 60 % of each detail field's values per customer, as our API
 * stores them: `customers.details` keyed by field key (numbers for NUMBER,
 * 'YYYY-MM-DD' for DATE, the option label for SELECT, a non-empty array of
 * labels for MULTI_SELECT), and every text-like value in `detail_search`
 * (MULTI_SELECT labels joined by a new line). A field's `marker` [word, every]
 * is appended to the value of customers whose hash of i is 0 modulo `every`
 * (a hash, not i % every: names follow i, so a residue of i would correlate
 * with the sort order), and of customer 1, so even small runs have one.
 * Indexes (with the sort indexes our API built per field) are rebuilt after.
 */
export async function fillDetails(url, customers, fields, words) {
  const spec = JSON.stringify(fields.map((f, n) => ({
    n, id: f.id, key: f.key, type: f.type, options: f.options, word: f.spec.marker?.[0] ?? null, every: f.spec.marker?.[1] ?? null,
  })));
  const fieldRows = `jsonb_to_recordset($1::jsonb) AS f(n int, id uuid, key text, type text, options text[], word text, every int)`;
  return withClient(url, async (c) => {
    await c.query(`SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    const indexes = await dropIndexes(c, ['customers', 'detail_search']);
    // The join only maps i to its customer (ids are md5 of the ordinal); each row's object is built from i.
    await c.query(`
      UPDATE customers c SET details = (
        SELECT coalesce(jsonb_object_agg(f.key, v.value) FILTER (WHERE v.value IS NOT NULL), '{}')
          FROM ${fieldRows},
               LATERAL (SELECT hashint8(g.i::bigint * 64 + f.n)::bigint & 2147483647 AS h, f.every IS NOT NULL AND (g.i = 1 OR (hashint8(-g.i::bigint * 64 - f.n)::bigint & 2147483647) % f.every = 0) AS marked) r,
               LATERAL (SELECT r.h / 128 AS x, ${sqlArray(words)} AS w) p,
               LATERAL (SELECT CASE WHEN NOT r.marked AND r.h % 100 >= 60 THEN NULL
                 WHEN f.type = 'NUMBER' THEN to_jsonb(round((p.x % 1000000) / 100.0, 2))
                 WHEN f.type = 'DATE' THEN to_jsonb(to_char(date '2018-01-01' + (p.x % 3000)::int, 'YYYY-MM-DD'))
                 WHEN f.type = 'SELECT' THEN to_jsonb(f.options[1 + p.x % cardinality(f.options)])
                 WHEN f.type = 'MULTI_SELECT' THEN to_jsonb(ARRAY(SELECT o FROM unnest(f.options) WITH ORDINALITY u(o, k) WHERE ((1 + p.x % 31) >> (k::int - 1)) & 1 = 1))
                 WHEN f.type = 'EMAIL' THEN to_jsonb('contact' || g.i || '.' || f.n || '@' || (${sqlArray(DOMAINS)})[1 + p.x % ${DOMAINS.length}])
                 WHEN f.type = 'URL' THEN to_jsonb('https://portal.example.net/accounts/' || g.i)
                 ELSE to_jsonb(initcap(p.w[1 + p.x % ${words.length}]) || ' ' || p.w[1 + p.x / 64 % ${words.length}] || ' ' || p.w[1 + p.x / 4096 % ${words.length}]
                   || ' #' || (p.x / 262144) || CASE WHEN r.marked THEN ' ' || f.word ELSE '' END)
               END AS value) v)
        FROM generate_series(1, $2::int) g(i) WHERE c.id = md5('c' || g.i)::uuid`, [spec, customers]);
    await c.query(`
      INSERT INTO detail_search (owner_id, field_id, text)
      SELECT c.id, f.id, CASE WHEN f.type = 'MULTI_SELECT' THEN array_to_string(ARRAY(SELECT jsonb_array_elements_text(c.details -> f.key)), E'\n')
                              ELSE c.details ->> f.key END
        FROM customers c JOIN ${fieldRows} ON c.details ? f.key
       WHERE f.type = ANY($2::text[])`, [spec, SEARCHABLE_TYPES]);
    // The update left a dead version of every row: compact before rebuilding the indexes.
    await c.query('VACUUM FULL customers');
    for (const { def } of indexes) await c.query(def);
    await c.query('VACUUM ANALYZE customers, detail_search');
  });
}

/** How the detail values came out: value and search-row counts, and customers per marker word. */
export async function detailCounts(url, terms) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT
      (SELECT count(*)::int FROM detail_fields WHERE scope = 'CUSTOMER') AS fields,
      (SELECT sum((SELECT count(*) FROM jsonb_object_keys(details)))::int FROM customers) AS "values",
      (SELECT count(*)::int FROM detail_search) AS "searchRows",
      (SELECT count(DISTINCT owner_id)::int FROM detail_search WHERE text ILIKE '%' || $1 || '%') AS "rareMatches",
      (SELECT count(DISTINCT owner_id)::int FROM detail_search WHERE text ILIKE '%' || $2 || '%') AS "commonMatches",
      (SELECT count(DISTINCT owner_id)::int FROM detail_search WHERE text ILIKE '%' || $3 || '%') AS "hiddenMatches"`,
    [terms.rare, terms.common, terms.hidden]);
    return rows[0];
  });
}

/** The customer at `offset` in ascending order of a NUMBER detail field, as our API's cursor keys (see detailSortKeys). */
export async function detailRowAtOffset(url, key, offset) {
  return withClient(url, async (c) => {
    const raw = `(details ->> '${key.replace(/'/g, "''")}')`;
    const { rows } = await c.query(
      // The API's detail order: empty last, the number, then its tie-break (lower(display_name), id).
      `SELECT (${raw} IS NULL)::text AS k0, coalesce(${raw}::numeric, 0)::text AS k1, lower(display_name) AS k2, id::text AS k3
         FROM customers ORDER BY ${raw} IS NULL, coalesce(${raw}::numeric, 0), lower(display_name), id OFFSET $1 LIMIT 1`, [offset]);
    return rows[0];
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
    if (!rows[0].ok) return null;
    const { rows: fields } = await c.query(`SELECT count(*)::int AS n FROM detail_fields WHERE scope = 'CUSTOMER'`);
    return { ...(await counts(c)), detailFields: fields[0].n };
  });
}

/** A kept database's agents and tokens go, so this run's admin is created afresh with its own password. */
export async function resetAgents(url) {
  await withClient(url, (c) => c.query('TRUNCATE agents, api_tokens, sessions, rate_limits CASCADE'));
}

/**
 * What the peer may see and use. PostGraphile 5 turns GRANTs into its schema
 * (PgRBACPlugin), so a role with SELECT on three tables exposes exactly those.
 * One addition keeps the comparison fair, in the benchmark database only: an
 * index for its display-name order (it sorts on the column; we sort on
 * lower(display_name), which has our index). Its search filters our stored,
 * accent-folded `search_text` column (exposed as `searchText`), so its ILIKE
 * uses our trigram index.
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
