import { useMutation } from '@apollo/client/react';
import { ActionIcon, Badge, Menu, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconDots, IconPencil } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../app/errors';
import { graphql } from '../../../gql';
import { ProductDialog } from './ProductDialog';
import { ProductsQuery } from './ProductsQuery';

const SetProductArchivedMutation = graphql(`
  mutation SetProductArchived($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      id
      archived
      version
    }
  }
`);

interface ProductRowProps {
  product: { id: string; name: string; archived: boolean; version: number };
}

/** One product: its name, whether it is archived, and its actions (rename, archive or restore). */
export function ProductRow({ product }: ProductRowProps) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [renaming, rename] = useDisclosure(false);
  const [setArchived] = useMutation(SetProductArchivedMutation, { refetchQueries: [ProductsQuery], awaitRefetchQueries: true });
  const names = { name: product.name };
  // The menu item that started an action is gone when it ends: focus goes back to the row's actions button,
  // or, when the row left the list (archived while archived ones are hidden), to the table.
  const actions = useRef<HTMLButtonElement>(null);

  async function changeArchived(archived: boolean) {
    const table = actions.current?.closest('table') ?? null;
    try {
      await setArchived({ variables: { input: { id: product.id, expectedVersion: product.version, archived } } });
      notifications.show({ color: 'green', message: t(archived ? 'products.archivedDone' : 'products.restoredDone', names) });
    } catch (error) {
      notifyError(error);
    }
    if (actions.current?.isConnected) return actions.current.focus();
    if (table && !table.hasAttribute('tabindex')) table.tabIndex = -1;
    table?.focus();
  }

  return (
    <Table.Tr>
      <Table.Td>{product.name}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={product.archived ? 'gray' : 'green'}>
          {t(product.archived ? 'products.archived' : 'products.active')}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon ref={actions} variant="subtle" color="gray" aria-label={t('products.actionsLabel', names)}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={rename.open}>
              {t('products.rename')}
            </Menu.Item>
            {product.archived ? (
              <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => void changeArchived(false)}>
                {t('products.restore')}
              </Menu.Item>
            ) : (
              <Menu.Item color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => void changeArchived(true)}>
                {t('products.archive')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
        <ProductDialog product={product} opened={renaming} onClose={rename.close} returnFocusTo={actions} />
      </Table.Td>
    </Table.Tr>
  );
}
