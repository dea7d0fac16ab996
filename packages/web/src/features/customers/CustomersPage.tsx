import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { AddCustomersDialog } from './AddCustomersDialog';
import { CustomerList } from './CustomerList';

export function CustomersPage() {
  const { t } = useTranslation();
  const [adding, add] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={add.open}>
            {t('addCustomers.open')}
          </Button>
        }
      />
      <CustomerList />
      <AddCustomersDialog opened={adding} onClose={add.close} />
    </>
  );
}
