import { useQuery } from '@apollo/client/react';
import { PERMISSIONS } from '@cp/shared';
import { Alert, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsTableHead } from '../../../components/ActionsTableHead';
import { QueryStatus } from '../../../components/QueryStatus';
import { useCan } from '../../auth/session';
import { ProductDialog } from './ProductDialog';
import { ProductRow } from './ProductRow';
import { ProductsQuery } from './ProductsQuery';

/** Settings → Products. The API refuses these operations to non-admins too. */
export function ProductsPage() {
  const { t } = useTranslation();
  const canManageProducts = useCan(PERMISSIONS.MANAGE_PRODUCTS);
  if (!canManageProducts) {
    return (
      <Alert icon={<IconLock aria-hidden />} title={t('settings.productsAdminsOnlyTitle')}>
        {t('settings.productsAdminsOnlyBody')}
      </Alert>
    );
  }
  return <Products />;
}

function Products() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ProductsQuery);
  const [creating, create] = useDisclosure(false);
  const [showArchived, setShowArchived] = useState(false);

  if (!data) return <QueryStatus error={error} onRetry={refetch} />;
  const products = data.products.filter((p) => showArchived || !p.archived);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text c="dimmed" maw={640}>
          {t('products.description')}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create.open}>
          {t('products.create')}
        </Button>
      </Group>
      <Switch label={t('products.showArchived')} checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
      {products.length === 0 ? (
        <Text c="dimmed">{t('products.empty')}</Text>
      ) : (
        <Table verticalSpacing="sm" withTableBorder highlightOnHover bg="white" aria-label={t('settings.products')}>
          <ActionsTableHead columns={[t('products.name'), t('products.status')]} actionsLabel={t('products.actions')} />
          <Table.Tbody>
            {products.map((product) => (
              <ProductRow key={product.id} product={product} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProductDialog opened={creating} onClose={create.close} />
    </Stack>
  );
}
