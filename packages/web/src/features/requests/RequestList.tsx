import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { IconFilter, IconMessage2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../app/url-state';
import { CursorPagination, useCursorPages } from '../../components/CursorPagination';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { graphql } from '../../gql';
import type { RequestList_ConnectionFragment } from '../../gql/graphql';
import { parseRequestStatus } from './request-status';
import { RequestStatusFilter } from './RequestStatusFilter';
import { RequestsTable } from './RequestsTable';

const PAGE_SIZE = 20;
/** The chosen status lives in the URL beside the tab, so a link can open "Open requests of Acme". */
const STATUS_PARAM = 'status';

graphql(`
  fragment RequestList_connection on RequestConnection {
    totalCount
    countsByStatus {
      status
      count
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        ...RequestsTable_request
      }
    }
  }
`);

const CustomerRequestsQuery = graphql(`
  query CustomerRequests($id: ID!, $first: Int!, $after: String, $status: [RequestStatus!]) {
    customer(id: $id) {
      id
      requests(first: $first, after: $after, status: $status) {
        ...RequestList_connection @unmask
      }
    }
  }
`);

const OrganizationRequestsQuery = graphql(`
  query OrganizationRequests($id: ID!, $first: Int!, $after: String, $status: [RequestStatus!]) {
    organization(id: $id) {
      id
      requests(first: $first, after: $after, status: $status) {
        ...RequestList_connection @unmask
      }
    }
  }
`);

/** The status filter (in the URL) and the cursor pages, which start again when the filter changes. */
function useRequestListState(id: string) {
  const [statusParam, setStatusParam] = useSearchParam(STATUS_PARAM);
  const status = parseRequestStatus(statusParam);
  const pages = useCursorPages(JSON.stringify([id, status]));
  return {
    status,
    setStatus: (next: string | null) => setStatusParam(next ?? ''),
    pages,
    variables: { id, first: PAGE_SIZE, after: pages.after, status: status ? [status] : null },
  };
}

type ListState = ReturnType<typeof useRequestListState>;

interface RequestListViewProps {
  state: ListState;
  /** This page (undefined while it loads) and the one before, shown dimmed meanwhile. */
  current: RequestList_ConnectionFragment | undefined;
  previous: RequestList_ConnectionFragment | undefined;
  error: unknown;
  refetch: () => Promise<unknown>;
  tableLabel: string;
  showReporter: boolean;
  empty: { title: string; body: string };
}

function RequestListView({ state, current, previous, error, refetch, tableLabel, showReporter, empty }: RequestListViewProps) {
  const { t } = useTranslation();
  const connection = current ?? previous;
  if (!connection) return <QueryStatus error={error} onRetry={refetch} />;
  const total = connection.countsByStatus.reduce((sum, c) => sum + c.count, 0);
  if (current && total === 0) return <EmptyState icon={IconMessage2} title={empty.title} body={empty.body} />;
  return (
    <Stack gap="md">
      <RequestStatusFilter counts={connection.countsByStatus} value={state.status} onChange={state.setStatus} />
      {current && current.edges.length === 0 ? (
        <EmptyState
          icon={IconFilter}
          title={t('requests.noneWithStatusTitle', { status: state.status ? t(`requests.status.${state.status}`) : t('requests.allStatuses') })}
          body={t('requests.noneWithStatusBody')}
        />
      ) : (
        <RequestsTable label={tableLabel} requests={connection.edges.map((edge) => edge.node)} showReporter={showReporter} stale={!current} />
      )}
      <CursorPagination pages={state.pages} pageInfo={current?.pageInfo} />
    </Stack>
  );
}

/** Profile → Requests: what this customer reported, newest first. */
export function CustomerRequests({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const state = useRequestListState(customerId);
  const { data, previousData, error, refetch } = useQuery(CustomerRequestsQuery, { variables: state.variables });
  return (
    <RequestListView
      state={state}
      current={data?.customer?.requests}
      previous={previousData?.customer?.requests}
      error={error}
      refetch={refetch}
      tableLabel={t('requests.customerTable')}
      showReporter={false}
      empty={{ title: t('profile.empty.requestsTitle'), body: t('profile.empty.requestsBody') }}
    />
  );
}

/** Organization → Requests: those of whoever is a member now, with who reported each. */
export function OrganizationRequests({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const state = useRequestListState(organizationId);
  const { data, previousData, error, refetch } = useQuery(OrganizationRequestsQuery, { variables: state.variables });
  return (
    <RequestListView
      state={state}
      current={data?.organization?.requests}
      previous={previousData?.organization?.requests}
      error={error}
      refetch={refetch}
      tableLabel={t('requests.organizationTable')}
      showReporter
      empty={{ title: t('requests.organizationEmptyTitle'), body: t('requests.organizationEmptyBody') }}
    />
  );
}
