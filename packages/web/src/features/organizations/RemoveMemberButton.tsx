import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { ConfirmedActionButton } from '../../components/ConfirmedActionButton';
import { graphql } from '../../gql';

// The count comes back so the page header updates in place.
const RemoveCustomerFromOrganizationMutation = graphql(`
  mutation RemoveCustomerFromOrganization($organizationId: ID!, $customerId: ID!) {
    removeCustomerFromOrganization(organizationId: $organizationId, customerId: $customerId) {
      id
      customerCount
    }
  }
`);

interface RemoveMemberButtonProps {
  organization: { id: string; name: string };
  customer: { id: string; displayName: string };
}

/** Takes a customer out of an organization, after asking; the customer stays. */
export function RemoveMemberButton({ organization, customer }: RemoveMemberButtonProps) {
  const { t } = useTranslation();
  const [remove, { loading }] = useMutation(RemoveCustomerFromOrganizationMutation, {
    update(cache) {
      // The customer's own list of organizations changed too.
      cache.evict({ id: cache.identify({ __typename: 'Customer', id: customer.id }), fieldName: 'organizations' });
      forgetCachedLists(cache);
    },
  });
  const names = { customer: customer.displayName, organization: organization.name };

  return (
    <ConfirmedActionButton
      label={t('organizations.removeMember')}
      accessibleName={t('organizations.removeMemberLabel', names)}
      title={t('organizations.removeMemberTitle', names)}
      body={t('organizations.removeMemberBody', names)}
      confirmLabel={t('organizations.removeMemberConfirm')}
      loading={loading}
      action={async () => {
        await remove({ variables: { organizationId: organization.id, customerId: customer.id } });
        return t('organizations.memberRemoved', names);
      }}
    />
  );
}
