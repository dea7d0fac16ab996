// Equivalent queries for both servers. Ours is the product's schema; the
// peer's is what PostGraphile 5 (amber preset + connection filter) generates
// for the same tables: ids are `rowId` there (its `id` is a global node id),
// and organizations are reached through the membership table.
import { SEARCH_TERMS } from './db.mjs';
import { DETAIL_TERMS } from './details.mjs';

const OURS_NODE = 'id email displayName organizations { id name }';
const PEER_NODE = 'rowId email displayName customerOrganizationsByCustomerId { nodes { organizationByOrganizationId { rowId name } } }';
const PEER_ORDER = 'orderBy: [DISPLAY_NAME_ASC, PRIMARY_KEY_ASC]';
const peerSearch = (term) => `filter: { searchText: { includesInsensitive: ${JSON.stringify(term)} } }`;

const edges = (connection) => connection?.edges?.length;

const DETAIL_NODE = 'id displayName detailsByKey';
const oursOnly = (d) => edges(d.customers);
const list = (args) => `{ customers(first: 50${args ? `, ${args}` : ''}) { edges { node { ${DETAIL_NODE} } } } }`;

/**
 * @param cursors { ours, peer }: "after" cursors pointing far into the list (see run.mjs)
 * @param details { keys, sortCursor, counts }: detail field keys, an "after"
 *   cursor at 50 % of the detail sort, and the marker counts (see run.mjs)
 * Each scenario: GraphQL for both sides, plus `rows` returning the number of
 * rows, checked equal on both sides before measuring. Detail scenarios run on
 * ours only (`peer: null`: the peer has no detail fields); `expectRows` is
 * checked instead, and `as: 'agent'` sends the AGENT token without teams.
 */
export function scenarios(cursors, details) {
  const { keys, sortCursor, counts } = details;
  const sort = `orderBy: { field: DETAIL, fieldKey: ${JSON.stringify(keys.sortNumber)}, direction: ASC }`;
  const filter = `filter: { details: [{ fieldKey: ${JSON.stringify(keys.filterSelect)}, equals: ${JSON.stringify(keys.filterOption)} }, { fieldKey: ${JSON.stringify(keys.filterNumber)}, isEmpty: false }] }`;
  const detailScenarios = [
    { name: 'details-list', title: 'first 50 by display name + detailsByKey (30 fields)', ours: list(''), expectRows: 50 },
    { name: 'details-search-rare', title: `substring search, rare detail value ("${DETAIL_TERMS.rare}")`, ours: list(`query: ${JSON.stringify(DETAIL_TERMS.rare)}`), expectRows: Math.min(50, counts.rareMatches) },
    { name: 'details-search-common', title: `substring search, common detail value ("${DETAIL_TERMS.common}")`, ours: list(`query: ${JSON.stringify(DETAIL_TERMS.common)}`), expectRows: 50 },
    { name: 'details-filter', title: 'filter: a SELECT equals one option and a NUMBER is not empty', ours: list(filter), expectRows: 50 },
    { name: 'details-sort', title: 'sorted by a NUMBER detail field, first 50', ours: list(sort), expectRows: 50 },
    { name: 'details-sort-mid', title: 'sorted by a NUMBER detail field, 50 after a cursor at 50 %', ours: list(`${sort}, after: ${JSON.stringify(sortCursor)}`), expectRows: 50 },
    // Must find nothing: the marker is only in a field the AGENT token's viewer may not see (run.mjs also checks the admin finds it).
    { name: 'hidden-search', title: `AGENT without the team searches a hidden field's value ("${DETAIL_TERMS.hidden}")`, ours: list(`query: ${JSON.stringify(DETAIL_TERMS.hidden)}`), as: 'agent', expectRows: 0 },
  ].map((s) => ({ ...s, peer: null, rows: { ours: oursOnly } }));
  return [
    {
      name: 'list',
      title: 'first 50 by display name + organizations',
      ours: `{ customers(first: 50) { edges { node { ${OURS_NODE} } } } }`,
      peer: `{ allCustomers(first: 50, ${PEER_ORDER}) { edges { node { ${PEER_NODE} } } } }`,
      rows: { ours: (d) => edges(d.customers), peer: (d) => edges(d.allCustomers) },
    },
    {
      name: 'search-rare',
      title: `substring search, rare match ("${SEARCH_TERMS.rare}")`,
      ours: `{ customers(first: 50, query: ${JSON.stringify(SEARCH_TERMS.rare)}) { edges { node { ${OURS_NODE} } } } }`,
      peer: `{ allCustomers(first: 50, ${PEER_ORDER}, ${peerSearch(SEARCH_TERMS.rare)}) { edges { node { ${PEER_NODE} } } } }`,
      rows: { ours: (d) => edges(d.customers), peer: (d) => edges(d.allCustomers) },
    },
    {
      name: 'search-common',
      title: `substring search, common match ("${SEARCH_TERMS.common}")`,
      ours: `{ customers(first: 50, query: ${JSON.stringify(SEARCH_TERMS.common)}) { edges { node { ${OURS_NODE} } } } }`,
      peer: `{ allCustomers(first: 50, ${PEER_ORDER}, ${peerSearch(SEARCH_TERMS.common)}) { edges { node { ${PEER_NODE} } } } }`,
      rows: { ours: (d) => edges(d.customers), peer: (d) => edges(d.allCustomers) },
    },
    {
      name: 'deep-page',
      title: 'keyset page 50 after a cursor at 90 % of the list',
      ours: `{ customers(first: 50, after: ${JSON.stringify(cursors.ours)}) { edges { node { ${OURS_NODE} } } } }`,
      peer: `{ allCustomers(first: 50, ${PEER_ORDER}, after: ${JSON.stringify(cursors.peer)}) { edges { node { ${PEER_NODE} } } } }`,
      rows: { ours: (d) => edges(d.customers), peer: (d) => edges(d.allCustomers) },
    },
    {
      // Ours stops counting at its cap (1,000, shown as "1,000+"); the peer counts every match.
      name: 'count-common',
      title: `totalCount of the common search ("${SEARCH_TERMS.common}")`,
      ours: `{ customers(first: 1, query: ${JSON.stringify(SEARCH_TERMS.common)}) { totalCount totalCountIsExact } }`,
      peer: `{ allCustomers(first: 1, ${peerSearch(SEARCH_TERMS.common)}) { totalCount } }`,
      rows: { ours: (d) => d.customers.totalCount, peer: (d) => d.allCustomers.totalCount },
      differentCounts: true,
    },
    ...detailScenarios,
  ];
}
