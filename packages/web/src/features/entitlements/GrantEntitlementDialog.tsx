import { useMutation } from '@apollo/client/react';
import { Modal, Select, Stack } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { useDialogAction } from '../../app/dialog-action';
import { useErrorInfo } from '../../app/errors';
import { FormActions } from '../../components/FormActions';
import { graphql } from '../../gql';
import { EntitlementsPanelQuery } from './EntitlementsPanelQuery';

const GrantEntitlementMutation = graphql(`
  mutation GrantEntitlement($input: GrantEntitlementInput!) {
    grantEntitlement(input: $input) {
      id
    }
  }
`);

/** Whose tab it is: the entitlement goes to this customer or organization. */
export interface EntitlementOwner {
  typename: 'Customer' | 'Organization';
  id: string;
}

interface GrantEntitlementDialogProps {
  owner: EntitlementOwner;
  /** Products that may be granted here: not archived, not already the owner's own. */
  products: ReadonlyArray<{ id: string; name: string }>;
  opened: boolean;
  onClose: () => void;
}

export function GrantEntitlementDialog({ owner, products, opened, onClose }: GrantEntitlementDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('entitlements.grantTitle')}>
      {/* Mounted only while open, so the form starts empty. */}
      <GrantForm owner={owner} products={products} onDone={onClose} />
    </Modal>
  );
}

function GrantForm({ owner, products, onDone }: { owner: EntitlementOwner; products: GrantEntitlementDialogProps['products']; onDone: () => void }) {
  const { t } = useTranslation();
  const run = useDialogAction(onDone);
  const describeError = useErrorInfo();
  const form = useForm({ initialValues: { productId: '' }, validate: { productId: isNotEmpty(t('entitlements.productRequired')) } });
  // Lists filtered by product change too.
  const [grant, { loading }] = useMutation(GrantEntitlementMutation, { update: forgetCachedLists, refetchQueries: [EntitlementsPanelQuery], awaitRefetchQueries: true });

  async function handleSubmit({ productId }: typeof form.values) {
    const ownerId = owner.typename === 'Customer' ? { customerId: owner.id } : { organizationId: owner.id };
    const name = products.find((p) => p.id === productId)?.name ?? '';
    await run(
      async () => {
        await grant({ variables: { input: { productId, ...ownerId } } });
        return t('entitlements.granted', { product: name });
      },
      (error) => {
        // E.g. archived or granted meanwhile: said beside the product.
        const { field, detail } = describeError(error);
        if (field !== 'productId' || !detail) return false;
        form.setFieldError('productId', detail);
        return true;
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <Select
          label={t('entitlements.product')}
          required
          searchable
          data-autofocus
          data={products.map((p) => ({ value: p.id, label: p.name }))}
          nothingFoundMessage={t('entitlements.noProducts')}
          description={products.length === 0 ? t('entitlements.noProducts') : undefined}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('productId')}
        />
        <FormActions submitLabel={t('entitlements.grant')} loading={loading} submitDisabled={products.length === 0} onCancel={onDone} />
      </Stack>
    </form>
  );
}
