import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { paths } from '../../app/paths';
import { BackLink } from '../../components/BackLink';
import { NotFoundState } from '../../components/NotFoundState';
import { QueryStatus } from '../../components/QueryStatus';
import { UrlTabs } from '../../components/UrlTabs';
import { graphql } from '../../gql';
import type { CustomerRowActionsTarget } from '../customers/CustomersTable';
import { CustomerList } from '../customers/CustomerList';
import { DetailsPanel, EntitlementsPanel, HistoryPanel, NotesPanel, OrganizationRequests } from '../record-tabs/panels';
import { OrganizationHeader } from './OrganizationHeader';
import { RemoveMemberButton } from './RemoveMemberButton';

const OrganizationPageQuery = graphql(`
  query OrganizationPage($id: ID!) {
    organization(id: $id) {
      id
      name
      ...OrganizationHeader_organization
    }
  }
`);

/**
 * An organization's page: the header above the tabs. Members, the first tab,
 * comes with the page's code; the other tabs' code is downloaded when the
 * page is idle (UrlTabs), their data when opened.
 */
export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const { data, error, refetch } = useQuery(OrganizationPageQuery, { variables: { id: organizationId } });
  const organization = data?.organization;
  // Stable, so the members table keeps its columns between renders.
  const removeButton = useCallback(
    (customer: CustomerRowActionsTarget) =>
      organization && <RemoveMemberButton organization={organization} customer={customer} />,
    [organization],
  );

  if (!data) return <QueryStatus error={error} onRetry={refetch} />;
  if (!organization) {
    return (
      <NotFoundState
        title={t('organizations.notFoundTitle')}
        body={t('organizations.notFoundBody')}
        back={{ to: paths.organizations, label: t('organizations.backToList') }}
      />
    );
  }

  return (
    <>
      <BackLink to={paths.organizations} label={t('organizations.backToList')} />
      <OrganizationHeader organization={organization} />
      <UrlTabs
        label={t('organizations.sections')}
        tabs={[
          {
            value: 'members',
            label: t('organizations.tabs.members'),
            panel: <CustomerList organizationId={organization.id} rowActions={removeButton} />,
          },
          {
            value: 'details',
            label: t('organizations.tabs.details'),
            panel: <DetailsPanel owner={{ scope: 'ORGANIZATION', id: organization.id }} />,
          },
          {
            value: 'entitlements',
            label: t('organizations.tabs.entitlements'),
            panel: <EntitlementsPanel owner={{ typename: 'Organization', id: organization.id }} />,
          },
          {
            value: 'requests',
            label: t('organizations.tabs.requests'),
            panel: <OrganizationRequests organizationId={organization.id} />,
          },
          {
            value: 'notes',
            label: t('organizations.tabs.notes'),
            panel: (
              <NotesPanel
                owner={{ typename: 'Organization', id: organization.id }}
                empty={{ title: t('organizations.empty.notesTitle'), body: t('organizations.empty.notesBody') }}
              />
            ),
          },
          {
            value: 'history',
            label: t('organizations.tabs.history'),
            panel: (
              <HistoryPanel
                owner={{ typename: 'Organization', id: organization.id }}
                empty={{ title: t('organizations.empty.historyTitle'), body: t('organizations.empty.historyBody') }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
