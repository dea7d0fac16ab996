// Equivalent queries for both servers. Ours is the product's schema; the
// peer's is what PostGraphile 5 (amber preset + connection filter) generates
// for the same tables: ids are `rowId` there (its `id` is a global node id),
// and organizations are reached through the membership table.
import { SEARCH_TERMS } from './db.mjs';

const OURS_NODE = 'id email displayName organizations { id name }';
const PEER_NODE = 'rowId email displayName customerOrganizationsByCustomerId { nodes { organizationByOrganizationId { rowId name } } }';
const PEER_ORDER = 'orderBy: [DISPLAY_NAME_ASC, PRIMARY_KEY_ASC]';
const peerSearch = (term) => `filter: { searchText: { includesInsensitive: ${JSON.stringify(term)} } }`;

const edges = (connection) => connection?.edges?.length;

/**
 * @param cursors { ours, peer }: "after" cursors pointing far into the list (see run.mjs)
 * Each scenario: GraphQL for both sides, plus `expect(data)` returning the
 * number of rows, checked equal on both sides before measuring.
 */
export function scenarios(cursors) {
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
  ];
}
