import { useQuery } from '@apollo/client/react';
import { Box, Button, Group, Stack } from '@mantine/core';
import { IconAddressBook, IconFilter, IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../app/url-state';
import { CursorPagination, useCursorPages } from '../../components/CursorPagination';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { ResultCount } from '../../components/ResultCount';
import { SEARCH_PARAM, SearchField } from '../../components/SearchField';
import type { DetailFieldInfo } from '../details/detail-values';
import { useFieldAccessChanges } from '../details/useFieldAccessChanges';
import { ExportButton } from '../exports/ExportButton';
import { ImportButton } from '../imports/ImportButton';
import { ActiveFilters } from './ActiveFilters';
import { ColumnsControl } from './ColumnsControl';
import { CustomerListQuery } from './CustomerListQuery';
import { CustomersTable, type CustomerRowActionsTarget } from './CustomersTable';
import { DetailFiltersControl } from './DetailFiltersControl';
import { ORGANIZATION_PARAM, OrganizationFilter } from './OrganizationFilter';
import { ProductFilter, useProductParam } from './ProductFilter';
import { DEFAULT_SORT, SORT_PARAM, customerOrder, customerSortParam, parseCustomerSort, sortFieldKey, type CustomerSort } from './sort';
import { useCustomerDetailFields } from './useCustomerDetailFields';
import { useDetailColumns } from './useDetailColumns';
import { useDetailFilters } from './useDetailFilters';
import { unavailableFieldKey, useUnavailableFieldRecovery } from './useUnavailableFieldRecovery';

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
  const productParam = useProductParam();
  // An organization's members list has no product filter.
  const productId = organizationId ? '' : productParam.productId;
  const unknownProduct = !organizationId && productParam.unknown;
  const fields = useCustomerDetailFields();
  const columns = useDetailColumns(fields);
  const detailFilters = useDetailFilters(fields);
  const requestedSort = parseCustomerSort(sortParam);
  const sort = usableSort(requestedSort, fields);
  const { conditions, stale } = detailFilters;
  // A detail sort or filter from a link waits until the fields are known, so it is never silently ignored;
  // a filter that no longer applies holds the list until removed, rather than listing everyone as if filtered.
  const ready = detailFilters.ready && stale.length === 0 && !unknownProduct && (sortFieldKey(requestedSort) === null || fields !== undefined);
  const pages = useCursorPages(JSON.stringify([query, sort, filterId, productId, conditions]));
  // The list's arguments; the export takes the same ones, so the file holds what the list shows.
  const listArgs = {
    query: query || null,
    filter: { organizationId: filterId || null, productId: productId || null, details: conditions },
    orderBy: customerOrder(sort),
  };
  const { data, previousData, error, refetch } = useQuery(CustomerListQuery, {
    skip: !ready,
    variables: { first: PAGE_SIZE, after: pages.after, ...listArgs },
  });
  useUnavailableFieldRecovery(error, fields);
  useFieldAccessChanges('CUSTOMER', fields, (key) => columns.keys.includes(key));
  // While the next page or search loads, the last one stays (dimmed) instead of flashing empty.
  const connection = (data ?? previousData)?.customers;

  function body() {
    if (unknownProduct) {
      return (
        <EmptyState
          icon={IconFilterOff}
          title={t('customers.unknownProductTitle')}
          body={t('customers.unknownProductBody')}
          action={<Button onClick={productParam.clear}>{t('customers.showAllCustomers')}</Button>}
        />
      );
    }
    if (stale.length > 0) {
      return <EmptyState icon={IconFilterOff} title={t('customers.staleFiltersTitle', { count: stale.length })} body={t('customers.staleFiltersBody', { count: stale.length })} />;
    }
    // A field that became unavailable is recovered from (useUnavailableFieldRecovery), not shown as a failure.
    if (error && !data && unavailableFieldKey(error) === null) return <QueryStatus error={error} onRetry={refetch} />;
    if (data && data.customers.edges.length === 0) {
      if (query) {
        return <EmptyState icon={IconSearch} title={t('customers.noMatchesTitle', { query })} body={t('customers.noMatchesBody')} />;
      }
      if (conditions.length > 0 || productId) {
        return <EmptyState icon={IconFilter} title={t('customers.noFilterMatchesTitle')} body={t('customers.noFilterMatchesBody')} />;
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
        detailColumns={columns.columns}
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
        {!organizationId && (
          <Box w={{ base: '100%', xs: 240 }}>
            <ProductFilter />
          </Box>
        )}
        <Group gap="xs">
          <DetailFiltersControl fields={fields ?? []} onAdd={detailFilters.add} />
          <ColumnsControl fields={fields ?? []} value={columns.keys} onChange={columns.setKeys} />
          <ImportButton list="customers" />
          <ExportButton list="customers" args={listArgs} disabled={!ready} />
        </Group>
      </Group>
      <ActiveFilters filters={detailFilters.requested} onRemove={detailFilters.remove} />
      <ResultCount connection={connection} noun="customers" />
      {body()}
      <CursorPagination pages={pages} pageInfo={data?.customers.pageInfo} />
    </Stack>
  );
}

/** A sort by a detail field the viewer cannot see (a shared link) falls back to the default. */
function usableSort(sort: CustomerSort, fields: readonly DetailFieldInfo[] | undefined): CustomerSort {
  const fieldKey = sortFieldKey(sort);
  if (fieldKey === null || fields === undefined) return sort;
  return fields.some((f) => f.key === fieldKey) ? sort : DEFAULT_SORT;
}
