import { PERMISSIONS } from '@cp/shared';
import { Button, Group, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconListDetails, IconUserPlus } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lazyNamed } from '../../app/lazy-named';
import { paths } from '../../app/paths';
import { PageHeader } from '../../components/PageHeader';
import { useEverTrue } from '../../components/use-ever-true';
import { useCan } from '../auth/session';
import { CustomerList } from './CustomerList';

// The form and its address checks download at the first opening, not with the list.
const AddCustomersDialog = lazyNamed(() => import('./AddCustomersDialog'), 'AddCustomersDialog');

export function CustomersPage() {
  const { t } = useTranslation();
  const [adding, add] = useDisclosure(false);
  const addingOnce = useEverTrue(adding);
  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={
          <Group gap="sm">
            <ManageDetailsMenu />
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={add.open}>
              {t('addCustomers.open')}
            </Button>
          </Group>
        }
      />
      <CustomerList />
      {addingOnce && (
        <Suspense fallback={null}>
          <AddCustomersDialog opened={adding} onClose={add.close} />
        </Suspense>
      )}
    </>
  );
}

/** Admins' way from the list to the fields it shows (as in the reference product); agents do not see it. */
function ManageDetailsMenu() {
  const { t } = useTranslation();
  const canManageFields = useCan(PERMISSIONS.MANAGE_FIELDS);
  if (!canManageFields) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
          {t('detailFields.manageMenu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={paths.detailFields} leftSection={<IconListDetails size={16} aria-hidden />}>
          {t('detailFields.manage')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
