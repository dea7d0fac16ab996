import { graphql } from '../../gql';

/** The customer page's own query: the header's data (the tabs fetch theirs). In its own module so start-up can send it (`prefetchCustomerProfile`). */
export const CustomerProfileQuery = graphql(`
  query CustomerProfile($id: ID!) {
    customer(id: $id) {
      id
      ...CustomerHeader_customer
    }
  }
`);
