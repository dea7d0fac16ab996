import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function CustomersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <EmptyState
        icon={IconAddressBook}
        title={t('customers.emptyTitle')}
        body={t('customers.emptyBody')}
      />
    </>
  );
}
