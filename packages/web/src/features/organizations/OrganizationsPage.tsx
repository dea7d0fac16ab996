import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../app/url-state';
import { CursorPagination, useCursorPages } from '../../components/CursorPagination';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { ResultCount } from '../../components/ResultCount';
import { SEARCH_PARAM, SearchField } from '../../components/SearchField';
import { SkeletonRows } from '../../components/SkeletonRows';
import { graphql } from '../../gql';
import { ExportButton } from '../exports/ExportButton';
import { ImportButton } from '../imports/ImportButton';
import { CreateOrganizationDialog } from './CreateOrganizationDialog';
import { OrganizationRow } from './OrganizationRow';

const OrganizationListQuery = graphql(`
  query OrganizationList($first: Int!, $after: String, $query: String) {
    organizations(first: $first, after: $after, query: $query) {
      totalCount
      totalCountIsExact
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...OrganizationRow_organization
        }
      }
    }
  }
`);

const PAGE_SIZE = 50;

export function OrganizationsPage() {
  const { t } = useTranslation();
  const [creating, create] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create.open}>
            {t('organizations.create')}
          </Button>
        }
      />
      <OrganizationList />
      <CreateOrganizationDialog opened={creating} onClose={create.close} />
    </>
  );
}

function OrganizationList() {
  const { t } = useTranslation();
  const [query] = useSearchParam(SEARCH_PARAM);
  const pages = useCursorPages(query);
  const { data, previousData, error, refetch } = useQuery(OrganizationListQuery, {
    variables: { first: PAGE_SIZE, after: pages.after, query: query || null },
  });
  // The last page stays (dimmed) while the next one loads.
  const connection = (data ?? previousData)?.organizations;

  function body() {
    if (error && !data) return <QueryStatus error={error} onRetry={refetch} />;
    if (data && data.organizations.edges.length === 0) {
      return query ? (
        <EmptyState icon={IconSearch} title={t('organizations.noMatchesTitle', { query })} body={t('organizations.noMatchesBody')} />
      ) : (
        <EmptyState icon={IconBuilding} title={t('organizations.emptyTitle')} body={t('organizations.emptyBody')} />
      );
    }
    return (
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" highlightOnHover withTableBorder bg="white" aria-label={t('organizations.title')} aria-busy={!data}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organizations.name')}</Table.Th>
              <Table.Th>{t('organizations.members')}</Table.Th>
              <Table.Th>{t('organizations.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: data ? 1 : 0.55, transition: 'opacity 150ms' }}>
            {connection ? (
              connection.edges.map((edge) => <OrganizationRow key={edge.node.id} organization={edge.node} />)
            ) : (
              <SkeletonRows columns={3} />
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <SearchField label={t('organizations.search')} placeholder={t('organizations.searchPlaceholder')} />
        <ImportButton list="organizations" />
        <ExportButton list="organizations" args={{ query: query || null }} />
      </Group>
      <ResultCount connection={connection} noun="organizations" />
      {body()}
      <CursorPagination pages={pages} pageInfo={data?.organizations.pageInfo} />
    </Stack>
  );
}
