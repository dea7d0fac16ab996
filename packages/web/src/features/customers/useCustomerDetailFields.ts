import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

// What the list needs of a field; the list query asks for it too (same selection, so both answers fill the cache alike).
graphql(`
  fragment CustomerDetailField on DetailField {
    id
    key
    label
    type
    options
  }
`);

// Only fields the viewer may view come back, so columns, sorts and filters never offer a hidden one.
export const CustomerDetailFieldsQuery = graphql(`
  query CustomerDetailFields {
    detailFields(scope: CUSTOMER) {
      ...CustomerDetailField @unmask
    }
  }
`);

/**
 * The customer detail fields the viewer may view, in order; undefined until
 * known. Every customer list answer carries them too and replaces them in
 * the cache, so they are as current as the rows on screen.
 */
export function useCustomerDetailFields() {
  // Admins change fields and permissions at run time: check again whenever a list opens.
  const { data } = useQuery(CustomerDetailFieldsQuery, { fetchPolicy: 'cache-and-network' });
  return data?.detailFields;
}
