import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

// Only fields the viewer may view come back, so columns, sorts and filters never offer a hidden one.
export const CustomerDetailFieldsQuery = graphql(`
  query CustomerDetailFields {
    detailFields(scope: CUSTOMER) {
      id
      key
      label
      type
      options
    }
  }
`);

/** The customer detail fields the viewer may view, in order; undefined until known. */
export function useCustomerDetailFields() {
  // Admins change fields and permissions at run time: check again whenever a list opens.
  const { data } = useQuery(CustomerDetailFieldsQuery, { fetchPolicy: 'cache-and-network' });
  return data?.detailFields;
}
