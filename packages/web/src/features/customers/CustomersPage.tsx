import { PERMISSIONS } from '@cp/shared';
import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconUserPlus } from '@tabler/icons-react';
import { Suspense, type ButtonHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../app/lazy-named';
import { PageHeader } from '../../components/PageHeader';
import { DeferredControl } from '../../components/DeferredControl';
import { useEverTrue } from '../../components/use-ever-true';
import { useCan } from '../auth/session';
import { CustomerList } from './CustomerList';

// The form and its address checks download at the first opening, not with the list.
const AddCustomersDialog = lazyNamed(() => import('./AddCustomersDialog'), 'AddCustomersDialog');
// The menu (and floating-ui under it) downloads after the list has drawn (DeferredControl), not with it.
const ManageDetailsMenu = lazyNamed(() => import('./ManageDetailsMenu'), 'ManageDetailsMenu');

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
            <ManageDetailsButton />
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
function ManageDetailsButton() {
  const { t } = useTranslation();
  const canManageFields = useCan(PERMISSIONS.MANAGE_FIELDS);
  if (!canManageFields) return null;
  const button = (extra: ButtonHTMLAttributes<HTMLButtonElement>) => (
    <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />} {...extra}>
      {t('detailFields.manageMenu')}
    </Button>
  );
  return (
    <DeferredControl
      trigger="button"
      preload={ManageDetailsMenu.preload}
      // Closed, as Menu.Target announces it.
      placeholder={(handlers) => button({ 'aria-haspopup': 'menu', 'aria-expanded': false, ...handlers })}
    >
      {({ opened, focused }) => <ManageDetailsMenu target={button({ autoFocus: focused })} defaultOpened={opened} />}
    </DeferredControl>
  );
}
