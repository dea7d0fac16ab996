import { graphql } from '../../gql';

/**
 * One page of customers. In its own module so dialogs that add or remove
 * customers can refetch whichever lists are on screen. The viewer's visible
 * customer fields come with every page: the API leaves hidden values out of
 * `detailsByKey`, so only the definitions in the same answer tell a column
 * whose field was hidden meanwhile from an empty one (useFieldAccessChanges).
 */
export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int!
    $after: String
    $query: String
    $filter: CustomerFilter
    $orderBy: CustomerOrder
  ) {
    detailFields(scope: CUSTOMER) {
      ...CustomerDetailField
    }
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
