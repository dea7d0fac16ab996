import { useQuery } from '@apollo/client/react';
import { Box, Group, Stack } from '@mantine/core';
import { IconAddressBook, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../app/url-state';
import { CursorPagination, useCursorPages } from '../../components/CursorPagination';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { ResultCount } from '../../components/ResultCount';
import { SEARCH_PARAM, SearchField } from '../../components/SearchField';
import { CustomerListQuery } from './CustomerListQuery';
import { CustomersTable, type CustomerRowActionsTarget } from './CustomersTable';
import { ORGANIZATION_PARAM, OrganizationFilter } from './OrganizationFilter';
import { SORT_PARAM, customerOrder, customerSortParam, parseCustomerSort } from './sort';

const PAGE_SIZE = 50;

interface CustomerListProps {
  /** Only this organization's members, and no organization filter. */
  organizationId?: string;
  rowActions?: (customer: CustomerRowActionsTarget) => ReactNode;
}

/** Search, filter, sort and page through customers; everything but the page lives in the URL. */
export function CustomerList({ organizationId, rowActions }: CustomerListProps) {
  const { t } = useTranslation();
  const [query] = useSearchParam(SEARCH_PARAM);
  const [sortParam, setSortParam] = useSearchParam(SORT_PARAM);
  const [organizationParam] = useSearchParam(ORGANIZATION_PARAM);
  const filterId = organizationId ?? organizationParam;
  const sort = parseCustomerSort(sortParam);
  const pages = useCursorPages(JSON.stringify([query, sort, filterId]));
  const { data, previousData, error, refetch } = useQuery(CustomerListQuery, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      query: query || null,
      filter: filterId ? { organizationId: filterId } : null,
      orderBy: customerOrder(sort),
    },
  });
  // While the next page or search loads, the last one stays (dimmed) instead of flashing empty.
  const connection = (data ?? previousData)?.customers;

  function body() {
    if (error && !data) return <QueryStatus error={error} onRetry={refetch} />;
    if (data && data.customers.edges.length === 0) {
      if (query) {
        return <EmptyState icon={IconSearch} title={t('customers.noMatchesTitle', { query })} body={t('customers.noMatchesBody')} />;
      }
      if (filterId) {
        return <EmptyState icon={IconAddressBook} title={t('customers.noMembersTitle')} body={t('customers.noMembersBody')} />;
      }
      return <EmptyState icon={IconAddressBook} title={t('customers.emptyTitle')} body={t('customers.emptyBody')} />;
    }
    return (
      <CustomersTable
        label={organizationId ? t('customers.membersTable') : t('customers.title')}
        customers={connection?.edges.map((edge) => edge.node) ?? []}
        sort={sort}
        onSortChange={(next) => setSortParam(customerSortParam(next))}
        loading={!connection}
        stale={!data}
        rowActions={rowActions}
      />
    );
  }

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <SearchField label={t('customers.search')} placeholder={t('customers.searchPlaceholder')} />
        {!organizationId && (
          <Box w={{ base: '100%', xs: 300 }}>
            <OrganizationFilter />
          </Box>
        )}
      </Group>
      <ResultCount connection={connection} noun="customers" />
      {body()}
      <CursorPagination pages={pages} pageInfo={data?.customers.pageInfo} />
    </Stack>
  );
}
