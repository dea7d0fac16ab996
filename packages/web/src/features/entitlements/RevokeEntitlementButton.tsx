import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { useDialogAction } from '../../app/dialog-action';
import { graphql } from '../../gql';
import { EntitlementsPanelQuery } from './EntitlementsPanelQuery';

const RevokeEntitlementMutation = graphql(`
  mutation RevokeEntitlement($id: ID!) {
    revokeEntitlement(id: $id)
  }
`);

/** Revokes an entitlement (and its values), after asking. */
export function RevokeEntitlementButton({ entitlementId, productName }: { entitlementId: string; productName: string }) {
  const { t } = useTranslation();
  const [confirming, confirm] = useDisclosure(false);
  const run = useDialogAction(confirm.close);
  // Lists filtered by product change too.
  const [revoke, { loading }] = useMutation(RevokeEntitlementMutation, { update: forgetCachedLists, refetchQueries: [EntitlementsPanelQuery], awaitRefetchQueries: true });
  const names = { product: productName };

  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={confirm.open} aria-label={t('entitlements.revokeLabel', names)}>
        {t('entitlements.revoke')}
      </Button>
      <Modal opened={confirming} onClose={confirm.close} title={t('entitlements.revokeTitle', names)}>
        <Text size="sm">{t('entitlements.revokeBody', names)}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('app.cancel')}
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={() =>
              void run(async () => {
                await revoke({ variables: { id: entitlementId } });
                return t('entitlements.revoked', names);
              })
            }
          >
            {t('entitlements.revokeConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
