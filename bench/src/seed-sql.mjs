// The benchmark data set, written set-based in SQL (generate_series) as our
// API stores it. Every value is a function of its ordinal and the seed
// (hashint8extended), so a given size and seed always give the same rows.
// Used by seed.mjs after our API has migrated the database and created the
// detail fields and products.
import { DOMAINS, FIRST, LAST, ORG_A, ORG_B, dropIndexes, sqlArray } from './db.mjs';

/** Types whose values go to `detail_search` (isTextSearchable in @cp/shared's codecs). */
const SEARCHABLE_TYPES = ['TEXT', 'EMAIL', 'URL', 'SELECT', 'MULTI_SELECT', 'PHONE'];

/** Share of each visible field's values set per customer (marked customers always have one). */
const FILL_PERCENT = 80;

/** Customers with many requests and notes (ordinals 1 to HEAVY): the profile scenario opens customer 1. */
export const HEAVY_CUSTOMERS = 500;

const SUMMARIES = ['Cannot sign in', 'Invoice shows the wrong amount', 'Export times out', 'Password reset mail never arrives',
  'Add seats to our plan', 'Integration stopped syncing', 'Report is missing last week', 'Change the billing contact',
  'Webhook returns 500', 'Question about the renewal', 'Mobile app crashes on start', 'Data import failed'];
const NOTE_BODIES = ['Called back, waiting for the logs.', 'Prefers email over phone.', 'Renewal discussed; decision next quarter.',
  'Escalated to engineering.', 'Asked for a training session for the new team.', 'Confirmed the fix works on their side.',
  'Sensitive account: loop in the account manager.', 'Promised a follow-up on Friday.'];
const PRIORITIES = ['Low', 'Normal', 'High', 'Urgent'];

// A non-negative pseudo-random number from an ordinal expression, stable for a seed ($seed in every statement below).
const hash = (expr) => `(hashint8extended((${expr})::bigint, $seed::bigint) & 2147483647)`;

/**
 * What to write: `customers`, `organizations`, `requests`, `notes`;
 * `fields` (as createDetailFields returns them: id, key, type, options, spec
 * with hidden and marker), `products` ([{ id, name }]), `actorId` (the agent
 * the notes, entitlements and history are by), `seed` (an integer),
 * `words` (what text values are made of). `log` reports each step's seconds.
 */
export async function writeDataSet(c, plan, log) {
  const { customers, organizations, requests, notes, fields, products, actorId, seed, words } = plan;
  const step = async (name, sql, params = {}) => {
    const started = Date.now();
    // Named parameters ($seed, $customers, ...) become positional ones.
    const names = [...new Set([...sql.matchAll(/\$([a-z]+)/g)].map((m) => m[1]))];
    const values = { seed, customers, organizations, requests, notes, actor: actorId, heavy: HEAVY_CUSTOMERS, ...params };
    const text = sql.replace(/\$([a-z]+)/g, (_, n) => `$${names.indexOf(n) + 1}`);
    const result = await c.query(text, names.map((n) => values[n]));
    log(`${name}: ${result.rowCount ?? ''} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  await c.query(`SET maintenance_work_mem = '1GB'; SET synchronous_commit = off`);
  await c.query(`CREATE TEMP TABLE seed_fields AS SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS f(n int, id uuid, key text, type text, options text[], word text, every int)`,
  [JSON.stringify(fields.map((f, n) => ({ n, id: f.id, key: f.key, type: f.type, options: f.options, word: f.spec.marker?.[0] ?? null, every: f.spec.marker?.[1] ?? null })))]);
  await c.query(`CREATE TEMP TABLE seed_products AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(n int, id uuid, name text)`,
    [JSON.stringify(products.map((p, n) => ({ n, id: p.id, name: p.name })))]);
  const tables = ['customers', 'organizations', 'customer_organizations', 'detail_search', 'entitlements', 'requests', 'notes', 'changes'];
  const indexes = await dropIndexes(c, tables);
  log(`dropped ${indexes.length} indexes`);

  await step('organizations', `
    INSERT INTO organizations (id, name, created_at, updated_at)
    SELECT md5('o' || g)::uuid,
           (${sqlArray(ORG_A)})[1 + g % ${ORG_A.length}] || ' ' || (${sqlArray(ORG_B)})[1 + (g / ${ORG_A.length}) % ${ORG_B.length}] || ' ' || g,
           t, t
      FROM generate_series(1, $organizations::int) g, LATERAL (SELECT now() - make_interval(hours => g) AS t) p`);

  // Names: the rare search term ("zephyrine") is one customer's first name in 20,000; "son" is in about 11 % of last names.
  // First and last names are drawn independently, so all 3,072 pairs occur (a stride gave 192 pairs in blocks of 5,000 rows
  // in name order, which no real help desk has and which made a common search walk 47,000 rows before its first match).
  // details: about FILL_PERCENT % of each field per customer, as the API stores them (numbers, 'YYYY-MM-DD', option labels,
  // non-empty arrays of labels); a field's marker word goes to customers whose hash is 0 modulo `every`, and to customer 1.
  await step('customers', `
    INSERT INTO customers (id, email, username, display_name, details, created_at, updated_at)
    SELECT md5('c' || i)::uuid,
           CASE WHEN i % 50 = 0 THEN NULL ELSE lower(first || '.' || last || i || '@' || (${sqlArray(DOMAINS)})[1 + i % ${DOMAINS.length}]) END,
           CASE WHEN i % 10 = 0 THEN lower(first || '_' || i) END,
           first || ' ' || last,
           (SELECT coalesce(jsonb_object_agg(f.key, v.value) FILTER (WHERE v.value IS NOT NULL), '{}')
              FROM seed_fields f,
                   LATERAL (SELECT ${hash('i::bigint * 64 + f.n')} AS h,
                                   f.every IS NOT NULL AND (i = 1 OR ${hash('-i::bigint * 64 - f.n')} % f.every = 0) AS marked) r,
                   LATERAL (SELECT r.h / 128 AS x, ${sqlArray(words)} AS w) p,
                   LATERAL (SELECT CASE WHEN NOT r.marked AND r.h % 100 >= ${FILL_PERCENT} THEN NULL
                     WHEN f.type = 'NUMBER' THEN to_jsonb(round((p.x % 1000000) / 100.0, 2))
                     WHEN f.type = 'DATE' THEN to_jsonb(to_char(date '2018-01-01' + (p.x % 3000)::int, 'YYYY-MM-DD'))
                     WHEN f.type = 'SELECT' THEN to_jsonb(f.options[1 + p.x % cardinality(f.options)])
                     WHEN f.type = 'MULTI_SELECT' THEN to_jsonb(ARRAY(SELECT o FROM unnest(f.options) WITH ORDINALITY u(o, k) WHERE ((1 + p.x % 31) >> (k::int - 1)) & 1 = 1))
                     WHEN f.type = 'EMAIL' THEN to_jsonb('contact' || i || '.' || f.n || '@' || (${sqlArray(DOMAINS)})[1 + p.x % ${DOMAINS.length}])
                     WHEN f.type = 'URL' THEN to_jsonb('https://portal.example.net/accounts/' || i)
                     ELSE to_jsonb(initcap(p.w[1 + p.x % ${words.length}]) || ' ' || p.w[1 + p.x / 64 % ${words.length}] || ' ' || p.w[1 + p.x / 4096 % ${words.length}]
                       || ' #' || (p.x / 262144) || CASE WHEN r.marked THEN ' ' || f.word ELSE '' END)
                   END AS value) v),
           t, t
      FROM generate_series(1, $customers::int) i,
           LATERAL (SELECT CASE WHEN i % 20000 = 7 THEN 'Zephyrine' ELSE (${sqlArray(FIRST)})[1 + ${hash('i')} % ${FIRST.length}] END AS first,
                           (${sqlArray(LAST)})[1 + ${hash('-i')} % ${LAST.length}] AS last,
                           now() - make_interval(mins => i) AS t) p`);

  // Every customer in one organization, every tenth in a second; each membership is two history entries (organizationService.addMembers).
  await step('memberships', `
    INSERT INTO customer_organizations (customer_id, organization_id)
    SELECT md5('c' || i)::uuid, md5('o' || (1 + i % $organizations::int))::uuid FROM generate_series(1, $customers::int) i
    UNION
    SELECT md5('c' || i)::uuid, md5('o' || (1 + (i * 7 + 3) % $organizations::int))::uuid FROM generate_series(10, $customers::int, 10) i`);

  // One row per customer and text-like value: detailSearchText (a multi-select's labels joined by new lines).
  await step('detail_search', `
    INSERT INTO detail_search (owner_id, field_id, text)
    SELECT c.id, f.id, CASE WHEN f.type = 'MULTI_SELECT' THEN array_to_string(ARRAY(SELECT jsonb_array_elements_text(c.details -> f.key)), E'\\n')
                            ELSE c.details ->> f.key END
      FROM customers c JOIN seed_fields f ON c.details ? f.key
     WHERE f.type = ANY($types::text[])`, { types: SEARCHABLE_TYPES });

  // A quarter of the customers hold one product; every organization holds two (members see them too).
  await step('entitlements', `
    INSERT INTO entitlements (id, product_id, customer_id, organization_id, created_at, updated_at)
    SELECT md5('ec' || i)::uuid, p.id, md5('c' || i)::uuid, NULL, t, t
      FROM generate_series(1, $customers::int) i
      JOIN seed_products p ON p.n = ${hash('i::bigint * 8 + 1')} % 50
      CROSS JOIN LATERAL (SELECT now() - make_interval(mins => i) AS t) x
     WHERE ${hash('i::bigint * 8 + 2')} % 4 = 0
    UNION ALL
    SELECT md5('eo' || g || '.' || k)::uuid, p.id, NULL, md5('o' || g)::uuid, t, t
      FROM generate_series(1, $organizations::int) g, generate_series(0, 1) k
      JOIN seed_products p ON true
      CROSS JOIN LATERAL (SELECT now() - make_interval(hours => g) AS t) x
     WHERE p.n = (g % 50 + k * (1 + g / 50 % 49)) % 50`);

  // Requests: 1 in 100 go to the heavy customers (60 each at 3M), the rest to customers picked by a hash;
  // two thirds name the reporter's first organization (the API requires a membership).
  await step('requests', `
    INSERT INTO requests (id, summary, description, status, priority, reporter_id, organization_id, created_at, updated_at)
    SELECT md5('r' || r)::uuid,
           (${sqlArray(SUMMARIES)})[1 + h % ${SUMMARIES.length}] || ' #' || r,
           CASE WHEN h % 3 = 0 THEN NULL ELSE 'Reported through the portal. Steps and screenshots attached; reference ' || r || '.' END,
           (ARRAY['OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'RESOLVED', 'CLOSED', 'CLOSED', 'CLOSED', 'RESOLVED'])[1 + h / 7 % 8]::request_status,
           CASE WHEN h % 5 = 0 THEN NULL ELSE (${sqlArray(PRIORITIES)})[1 + h / 11 % ${PRIORITIES.length}] END,
           md5('c' || reporter)::uuid,
           CASE WHEN r % 3 = 0 THEN NULL ELSE md5('o' || (1 + reporter % $organizations::int))::uuid END,
           t, least(now(), t + make_interval(hours => (h / 13 % 200)::int))
      FROM generate_series(1, $requests::int) r,
           LATERAL (SELECT ${hash('r::bigint * 4 + 1')} AS h) x,
           LATERAL (SELECT CASE WHEN r % 100 = 0 THEN 1 + (r / 100) % $heavy::int ELSE 1 + ${hash('r::bigint * 4 + 2')} % $customers::int END AS reporter,
                           now() - make_interval(mins => (x.h % (730 * 1440))::int) AS t) y`);

  // Notes: 1 in 10 on an organization; of the rest, 1 in 20 on the heavy customers (50 each at 500k).
  await step('notes', `
    INSERT INTO notes (id, customer_id, organization_id, body, author_id, created_at, updated_at)
    SELECT md5('n' || n)::uuid,
           CASE WHEN n % 10 = 5 THEN NULL WHEN n % 20 = 0 THEN md5('c' || (1 + (n / 20) % $heavy::int))::uuid
                ELSE md5('c' || (1 + ${hash('n::bigint * 4 + 2')} % $customers::int))::uuid END,
           CASE WHEN n % 10 = 5 THEN md5('o' || (1 + ${hash('n::bigint * 4 + 3')} % $organizations::int))::uuid END,
           (${sqlArray(NOTE_BODIES)})[1 + h % ${NOTE_BODIES.length}] || ' (' || n || ')',
           $actor::uuid, t, t
      FROM generate_series(1, $notes::int) n,
           LATERAL (SELECT ${hash('n::bigint * 4 + 1')} AS h) x,
           LATERAL (SELECT now() - make_interval(mins => (x.h % (730 * 1440))::int) AS t) y`);

  // History as the API records it (historyService.record): memberships (customer 'organization', organization 'member'),
  // entitlements granted ('entitlement', the product name) and notes added ('note', the body), each at its row's time.
  await step('changes', `
    INSERT INTO changes (at, actor_id, customer_id, organization_id, attribute, entitlement_id, product_id, to_value)
    SELECT c.created_at, $actor::uuid, c.id, NULL, 'organization', NULL::uuid, NULL::uuid, to_jsonb(o.name::text)
      FROM customer_organizations m JOIN customers c ON c.id = m.customer_id JOIN organizations o ON o.id = m.organization_id
    UNION ALL
    SELECT c.created_at, $actor::uuid, NULL, o.id, 'member', NULL, NULL, to_jsonb(c.display_name)
      FROM customer_organizations m JOIN customers c ON c.id = m.customer_id JOIN organizations o ON o.id = m.organization_id
    UNION ALL
    SELECT e.created_at, $actor::uuid, e.customer_id, e.organization_id, 'entitlement', e.id, e.product_id, to_jsonb(p.name)
      FROM entitlements e JOIN products p ON p.id = e.product_id
    UNION ALL
    SELECT n.created_at, $actor::uuid, n.customer_id, n.organization_id, 'note', NULL, NULL, to_jsonb(n.body)
      FROM notes n
     ORDER BY 1`);

  for (const { name, def } of indexes) {
    const started = Date.now();
    await c.query(def);
    log(`index ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const started = Date.now();
  await c.query(`VACUUM ANALYZE ${tables.join(', ')}, products`);
  log(`VACUUM ANALYZE: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Row counts of the data set (what seed.mjs reports and checks). */
export async function dataSetCounts(c) {
  const { rows } = await c.query(`SELECT
    (SELECT count(*)::int FROM customers) AS customers,
    (SELECT count(*)::int FROM organizations) AS organizations,
    (SELECT count(*)::int FROM customer_organizations) AS memberships,
    (SELECT count(*)::int FROM detail_fields WHERE scope = 'CUSTOMER') AS "detailFields",
    (SELECT count(*)::int FROM detail_search) AS "detailSearchRows",
    (SELECT count(*)::int FROM products) AS products,
    (SELECT count(*)::int FROM entitlements) AS entitlements,
    (SELECT count(*)::int FROM requests) AS requests,
    (SELECT count(*)::int FROM notes) AS notes,
    (SELECT count(*)::int FROM changes) AS changes`);
  return rows[0];
}
