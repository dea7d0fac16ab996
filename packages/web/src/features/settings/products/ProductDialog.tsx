import { useMutation } from '@apollo/client/react';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { NameForm } from '../../../components/NameForm';
import { ProductsQuery } from './ProductsQuery';

const CreateProductMutation = graphql(`
  mutation CreateProduct($name: String!) {
    createProduct(name: $name) {
      id
      name
    }
  }
`);

const RenameProductMutation = graphql(`
  mutation RenameProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      id
      name
      version
    }
  }
`);

// The list is sorted by name, so it reloads after a change; the grant dialogs read products afresh when opened.
const refetch = { refetchQueries: [ProductsQuery], awaitRefetchQueries: true };

interface ProductDialogProps {
  /** The product to rename; without one the dialog creates a product. */
  product?: { id: string; name: string; version: number };
  opened: boolean;
  onClose: () => void;
  /** Where focus goes once the dialog has gone, when the control that opened it does not last (a menu item). */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/** Creates a product, or renames one at the version on screen (a stale rename is a conflict, shown in the form). */
export function ProductDialog({ product, opened, onClose, returnFocusTo }: ProductDialogProps) {
  const { t } = useTranslation();
  const [create, creating] = useMutation(CreateProductMutation, refetch);
  const [rename, renaming] = useMutation(RenameProductMutation, refetch);
  const texts = { label: t('products.name'), required: t('products.nameRequired'), conflictTitle: t('products.conflictTitle') };

  async function save(name: string) {
    if (product) {
      if (name === product.name) return onClose();
      await rename({ variables: { input: { id: product.id, expectedVersion: product.version, name } } });
      notifications.show({ color: 'green', message: t('products.renamed', { name }) });
    } else {
      await create({ variables: { name } });
      notifications.show({ color: 'green', message: t('products.created', { name }) });
    }
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={product ? t('products.renameTitle', { name: product.name }) : t('products.createTitle')}
      returnFocus={!returnFocusTo}
      onExitTransitionEnd={() => returnFocusTo?.current?.focus()}
    >
      {/* Mounted only while open, so the form starts from the saved name. */}
      <NameForm
        texts={texts}
        savedName={product?.name ?? ''}
        submitLabel={product ? t('app.save') : t('app.create')}
        loading={creating.loading || renaming.loading}
        onSubmit={save}
        onCancel={onClose}
      />
    </Modal>
  );
}
