import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql';
import { DetailsPanel } from '../details/DetailsPanel';

const CustomerDetailsCustomer = graphql(`
  fragment CustomerDetails_customer on Customer {
    id
    version
    detailsByKey
  }
`);

/** The profile's Details tab; saving sends the version on screen, so a stale edit is refused. */
export function CustomerDetails({ customer }: { customer: FragmentType<typeof CustomerDetailsCustomer> }) {
  const { data, complete } = useFragment({ fragment: CustomerDetailsCustomer, fragmentName: 'CustomerDetails_customer', from: customer });
  if (!complete) return null;
  return <DetailsPanel owner={{ scope: 'CUSTOMER', id: data.id, version: data.version }} values={data.detailsByKey} />;
}
