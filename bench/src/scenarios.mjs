// The scenarios of issue 9, as GraphQL for both servers. Ours is the
// product's schema, asked as the web app asks (as an AGENT whose permissions
// hide five fields); the peer's is what PostGraphile 5 (amber preset +
// connection filter) generates for the same tables: ids are `rowId` there
// (its `id` is a global node id), organizations are reached through the
// membership table, and `agentDetails` is the AGENT's visible details
// (db.mjs, preparePeer).
import { SEARCH_TERMS } from './db.mjs';
import { DETAIL_TERMS } from './details.mjs';

const OURS_NODE = 'id email displayName organizations { id name }';
const PEER_NODE = 'rowId email displayName customerOrganizationsByCustomerId { nodes { organizationByOrganizationId { rowId name } } }';
const PEER_ORDER = 'orderBy: [DISPLAY_NAME_ASC, PRIMARY_KEY_ASC]';
const peerSearch = (term) => `filter: { searchText: { includesInsensitive: ${JSON.stringify(term)} } }`;

// The customers list's row (CustomersTable_customer) with the customer's entitlements (own and through organizations).
const APP_ROW = 'id displayName email username createdAt updatedAt organizations { id name } entitlements { id product { id name } }';
const PEER_PRODUCTS = 'nodes { rowId productByProductId { rowId name } }';
const PEER_APP_ROW = `rowId displayName email username createdAt updatedAt agentDetails
  customerOrganizationsByCustomerId { nodes { organizationByOrganizationId { rowId name entitlementsByOrganizationId { ${PEER_PRODUCTS} } } } }
  entitlementsByCustomerId { ${PEER_PRODUCTS} }`;

/** The short query: two characters that start many names ("Kim", "King", "Kiko"...) and occur inside more. */
export const SHORT_QUERY = 'ki';

const oursRows = (d) => d.customers?.edges?.length;
const peerRows = (d) => d.allCustomers?.edges?.length;
const ours = (args, node = OURS_NODE) => `{ customers(first: 50${args ? `, ${args}` : ''}) { edges { node { ${node} } } } }`;
const peer = (args, node = PEER_NODE) => `{ allCustomers(first: 50, ${PEER_ORDER}${args ? `, ${args}` : ''}) { edges { node { ${node} } } } }`;

/**
 * The profile page as CustomerProfilePage loads it, every tab's first page:
 * header, details, entitlements, requests, notes and history (the web app's
 * queries in packages/web/src/features; 20 per page), for customer `id`.
 */
export function profileQueries(id) {
  const variables = { id, ownerId: id, customer: true, first: 20, scope: 'CUSTOMER' };
  const field = 'id key label type options viewerCanEdit';
  const queries = [
    `query CustomerProfile($id: ID!) { customer(id: $id) { id displayName email username externalId createdAt updatedAt version detailsByKey organizations { id name } } }`,
    `query DetailsPanel($scope: DetailFieldScope!, $ownerId: ID!, $customer: Boolean!) { detailFields(scope: $scope) { ${field} }
      customer(id: $ownerId) @include(if: $customer) { id version detailsByKey } organization(id: $ownerId) @skip(if: $customer) { id version detailsByKey } }`,
    `query EntitlementsPanel($ownerId: ID!, $customer: Boolean!) { detailFields(scope: ENTITLEMENT) { ${field} } products { id name }
      customer(id: $ownerId) @include(if: $customer) { id entitlements { id version detailsByKey product { id name archived } customer { id } organization { id name } } } }`,
    `query CustomerRequests($id: ID!, $first: Int!) { customer(id: $id) { id requests(first: $first) { totalCount countsByStatus { status count }
      pageInfo { hasNextPage endCursor } edges { node { id key summary status priority externalUrl createdAt updatedAt reporter { id displayName } } } } } }`,
    `query CustomerNotes($id: ID!, $first: Int!) { customer(id: $id) { id notes(first: $first) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id body version createdAt updatedAt viaToken viewerCanEdit author { id displayName } } } } } }`,
    `query CustomerHistory($id: ID!, $first: Int!) { customer(id: $id) { id history(first: $first) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id at viaToken attribute from to actor { id displayName } field { id key label type options } product { id name } } } } } }`,
  ];
  return queries.map((query) => {
    const used = new Set([...query.matchAll(/\$([a-zA-Z]+)/g)].map((m) => m[1]));
    return { query, variables: Object.fromEntries(Object.entries(variables).filter(([k]) => used.has(k))) };
  });
}

/**
 * @param deep { page, ours, peer }: the deep page's number and both servers' "after" cursors for it (see run.mjs)
 * @param keys detail field keys: plan, region, renewalDate (SELECT, SELECT, DATE)
 * Each scenario: GraphQL for ours and the peer (null: ours only), `rows`
 * counting the answer's rows (checked equal on both sides unless
 * `differentCounts`; `expectRows` checked on ours). Scenarios with a peer
 * are measured side by side, under load too (`peerAs`: the peer's figures
 * are those of that scenario); ours-only ones for latency; `checkOnly` ones
 * are only checked.
 */
export function scenarios(deep, keys) {
  const planIs = `{ fieldKey: ${JSON.stringify(keys.plan)}, equals: "Business" }`;
  const sortBy = (key, direction) => `orderBy: { field: DETAIL, fieldKey: ${JSON.stringify(key)}, direction: ${direction} }`;
  return [
    {
      name: 'app-list',
      title: 'customers list as the app asks: 50 rows, organizations, detailsByKey (about 20 values), entitlements',
      ours: ours('', `${APP_ROW} detailsByKey`),
      peer: peer('', PEER_APP_ROW),
      expectRows: 50,
    },
    {
      name: 'app-list-typed',
      title: 'the same list with typed details { field value displayValue } (peer: measured once, in app-list)',
      ours: ours('', `${APP_ROW} details { field { id key label type } value displayValue }`),
      peer: peer('', PEER_APP_ROW),
      peerAs: 'app-list',
      expectRows: 50,
    },
    {
      name: 'search-rare',
      title: `substring search, rare match ("${SEARCH_TERMS.rare}", about 1 customer in 20,000)`,
      ours: ours(`query: ${JSON.stringify(SEARCH_TERMS.rare)}`),
      peer: peer(peerSearch(SEARCH_TERMS.rare)),
    },
    {
      name: 'search-common',
      title: `substring search, common match ("${SEARCH_TERMS.common}", about 11 % of customers)`,
      ours: ours(`query: ${JSON.stringify(SEARCH_TERMS.common)}`),
      peer: peer(peerSearch(SEARCH_TERMS.common)),
    },
    {
      // Ours may answer short queries by prefix (a defined behaviour), the peer scans for the substring: counts may differ.
      name: 'search-short',
      title: `a two-character query ("${SHORT_QUERY}")`,
      ours: ours(`query: ${JSON.stringify(SHORT_QUERY)}`),
      peer: peer(peerSearch(SHORT_QUERY)),
      differentCounts: true,
    },
    {
      name: 'page-1',
      title: 'first page (50) by display name + organizations',
      ours: ours(''),
      peer: peer(''),
      expectRows: 50,
    },
    {
      name: 'page-deep',
      title: `page ${deep.page.toLocaleString('en')} (50 after the cursor of row ${((deep.page - 1) * 50).toLocaleString('en')}) by display name + organizations`,
      ours: ours(`after: ${JSON.stringify(deep.ours)}`),
      peer: peer(`after: ${JSON.stringify(deep.peer)}`),
      expectRows: 50,
    },
    {
      name: 'filter-sort-select',
      title: 'filter: Plan (SELECT) is "Business"; sorted by Region (SELECT)',
      ours: ours(`filter: { details: [${planIs}] }, ${sortBy(keys.region, 'ASC')}`, 'id displayName detailsByKey'),
      peer: null,
      expectRows: 50,
    },
    {
      name: 'filter-sort-date',
      title: 'filter: Plan (SELECT) is "Business"; sorted by Renewal date (DATE), newest first',
      ours: ours(`filter: { details: [${planIs}] }, ${sortBy(keys.renewalDate, 'DESC')}`, 'id displayName detailsByKey'),
      peer: null,
      expectRows: 50,
    },
    {
      // Must find nothing: the marker is only in a field the AGENT may not see (run.mjs checks the admin finds it). Checked, not timed.
      name: 'hidden-search',
      title: `AGENT searches a hidden field's value ("${DETAIL_TERMS.hidden}")`,
      ours: ours(`query: ${JSON.stringify(DETAIL_TERMS.hidden)}`),
      peer: null,
      expectRows: 0,
      checkOnly: true,
    },
  ].map((s) => ({ ...s, rows: { ours: oursRows, peer: peerRows } }));
}
