import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function OrganizationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('organizations.title')} description={t('organizations.description')} />
      <EmptyState
        icon={IconBuilding}
        title={t('organizations.emptyTitle')}
        body={t('organizations.emptyBody')}
      />
    </>
  );
}
