import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { paths } from '../../app/paths';
import { BackLink } from '../../components/BackLink';
import { NotFoundState } from '../../components/NotFoundState';
import { QueryStatus } from '../../components/QueryStatus';
import { UrlTabs } from '../../components/UrlTabs';
import { DetailsPanel } from '../details/DetailsPanel';
import { CustomerRequests, EntitlementsPanel, HistoryPanel, NotesPanel } from '../record-tabs/panels';
import { CustomerHeader } from './CustomerHeader';
import { CustomerProfileQuery } from './CustomerProfileQuery';

/**
 * A customer's page: the header (this page's query) above the tabs, which
 * fetch their own data. The open tab mounts at once, beside the header's
 * query, not after its answer: its query travels alongside (bench:web-profile).
 * Details, the first tab, comes with the page's code (a chunk it waited for
 * would send its query one download later); the other tabs' code is
 * downloaded when the page is idle (UrlTabs), their data when opened.
 */
export function CustomerProfilePage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const { data, error, refetch } = useQuery(CustomerProfileQuery, { variables: { id: customerId } });

  if (data && !data.customer) {
    return (
      <NotFoundState
        title={t('profile.notFoundTitle')}
        body={t('profile.notFoundBody')}
        back={{ to: paths.customers, label: t('profile.backToCustomers') }}
      />
    );
  }

  return (
    <>
      <BackLink to={paths.customers} label={t('profile.backToCustomers')} />
      {data?.customer ? <CustomerHeader customer={data.customer} /> : <QueryStatus error={error} onRetry={refetch} />}
      {/* Sections still to come say what they will hold. */}
      <UrlTabs
        label={t('profile.sections')}
        tabs={[
          {
            value: 'details',
            label: t('profile.tabs.details'),
            panel: <DetailsPanel owner={{ scope: 'CUSTOMER', id: customerId }} />,
          },
          {
            value: 'entitlements',
            label: t('profile.tabs.entitlements'),
            panel: <EntitlementsPanel owner={{ typename: 'Customer', id: customerId }} />,
          },
          {
            value: 'requests',
            label: t('profile.tabs.requests'),
            panel: <CustomerRequests customerId={customerId} />,
          },
          {
            value: 'notes',
            label: t('profile.tabs.notes'),
            panel: (
              <NotesPanel
                owner={{ typename: 'Customer', id: customerId }}
                empty={{ title: t('profile.empty.notesTitle'), body: t('profile.empty.notesBody') }}
              />
            ),
          },
          {
            value: 'history',
            label: t('profile.tabs.history'),
            panel: (
              <HistoryPanel
                owner={{ typename: 'Customer', id: customerId }}
                empty={{ title: t('profile.empty.historyTitle'), body: t('profile.empty.historyBody') }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
