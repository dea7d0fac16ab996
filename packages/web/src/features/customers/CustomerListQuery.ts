import { graphql } from '../../gql';

/**
 * One page of customers. In its own module so dialogs that add or remove
 * customers can refetch whichever lists are on screen.
 */
export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int!
    $after: String
    $query: String
    $filter: CustomerFilter
    $orderBy: CustomerOrder
  ) {
    customers(first: $first, after: $after, query: $query, filter: $filter, orderBy: $orderBy) {
      totalCount
      totalCountIsExact
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...CustomersTable_customer
        }
      }
    }
  }
`);
