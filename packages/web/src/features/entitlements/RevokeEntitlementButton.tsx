import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { ConfirmedActionButton } from '../../components/ConfirmedActionButton';
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
  // Lists filtered by product change too.
  const [revoke, { loading }] = useMutation(RevokeEntitlementMutation, { update: forgetCachedLists, refetchQueries: [EntitlementsPanelQuery], awaitRefetchQueries: true });
  const names = { product: productName };

  return (
    <ConfirmedActionButton
      label={t('entitlements.revoke')}
      accessibleName={t('entitlements.revokeLabel', names)}
      title={t('entitlements.revokeTitle', names)}
      body={t('entitlements.revokeBody', names)}
      confirmLabel={t('entitlements.revokeConfirm')}
      loading={loading}
      action={async () => {
        await revoke({ variables: { id: entitlementId } });
        return t('entitlements.revoked', names);
      }}
    />
  );
}
