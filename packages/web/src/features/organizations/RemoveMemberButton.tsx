import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { useDialogAction } from '../../app/dialog-action';
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
  const [confirming, confirm] = useDisclosure(false);
  const run = useDialogAction(confirm.close);
  const [remove, { loading }] = useMutation(RemoveCustomerFromOrganizationMutation, {
    update(cache) {
      // The customer's own list of organizations changed too.
      cache.evict({ id: cache.identify({ __typename: 'Customer', id: customer.id }), fieldName: 'organizations' });
      forgetCachedLists(cache);
    },
  });
  const names = { customer: customer.displayName, organization: organization.name };

  async function handleRemove() {
    await run(async () => {
      await remove({ variables: { organizationId: organization.id, customerId: customer.id } });
      return t('organizations.memberRemoved', names);
    });
  }

  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={confirm.open}
        aria-label={t('organizations.removeMemberLabel', names)}
      >
        {t('organizations.removeMember')}
      </Button>
      <Modal opened={confirming} onClose={confirm.close} title={t('organizations.removeMemberTitle', names)}>
        <Text size="sm">{t('organizations.removeMemberBody', names)}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('app.cancel')}
          </Button>
          <Button color="red" loading={loading} onClick={() => void handleRemove()}>
            {t('organizations.removeMemberConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
