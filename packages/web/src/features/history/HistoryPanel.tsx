import { useQuery } from '@apollo/client/react';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { Button, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMorePages } from '../../app/more-pages';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { graphql } from '../../gql';
import { ChangeItem, type ChangeNode } from './ChangeItem';
import { useDetailFormat } from '../details/useDetailFormat';

const HistoryPanelConnection = graphql(`
  fragment HistoryPanel_connection on ChangeConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        at
        viaToken
        attribute
        from
        to
        actor {
          id
          displayName
        }
        field {
          id
          key
          label
          type
          options
        }
        product {
          id
          name
        }
        importJobId
        values {
          field {
            id
            key
            label
            type
            options
          }
          value
        }
      }
    }
  }
`);

const CustomerHistoryQuery = graphql(`
  query CustomerHistory($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      history(first: $first, after: $after) {
        ...HistoryPanel_connection @unmask
      }
    }
  }
`);

const OrganizationHistoryQuery = graphql(`
  query OrganizationHistory($id: ID!, $first: Int!, $after: String) {
    organization(id: $id) {
      id
      history(first: $first, after: $after) {
        ...HistoryPanel_connection @unmask
      }
    }
  }
`);

// Older entries come page by page after the last cursor (fetchMore), appended to the first page, with no end.
const PAGE = 20;

interface HistoryPanelProps {
  owner: { typename: 'Customer' | 'Organization'; id: string };
  /** What the empty list says, naming the kind of owner. */
  empty: { title: string; body: string };
}

/** The History tab of a profile or an organization: a timeline of who changed what, newest first. */
export function HistoryPanel({ owner, empty }: HistoryPanelProps) {
  const { t } = useTranslation();
  const variables = { id: owner.id, first: PAGE, after: null };
  // Changes are made on the other tabs: opening this one asks the API again.
  const options = { variables, fetchPolicy: 'cache-and-network' } as const;
  const customer = useQuery(CustomerHistoryQuery, { ...options, skip: owner.typename !== 'Customer' });
  const organization = useQuery(OrganizationHistoryQuery, { ...options, skip: owner.typename !== 'Organization' });
  const query = owner.typename === 'Customer' ? customer : organization;
  const history: ResultOf<typeof HistoryPanelConnection> | undefined =
    owner.typename === 'Customer'
      ? (customer.data ?? customer.previousData)?.customer?.history
      : (organization.data ?? organization.previousData)?.organization?.history;
  const changes: ChangeNode[] = history?.edges.map((edge) => edge.node) ?? [];
  const format = useDetailFormat(changes.flatMap((change) => [...(change.field ? [change.field] : []), ...(change.values ?? []).map((v) => v.field)]));
  const more = useMorePages<HTMLLIElement>(owner.typename === 'Customer' ? 'customer' : 'organization', 'history');

  if (!history) return <QueryStatus error={query.error} onRetry={query.refetch} />;
  if (changes.length === 0) return <EmptyState icon={IconHistory} title={empty.title} body={empty.body} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('history.total', { count: history.totalCount })}
      </Text>
      <Stack component="ol" gap="xs" aria-label={t('history.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {changes.map((change, index) => (
          <ChangeItem key={change.id} change={change} owner={owner.typename === 'Customer' ? 'customer' : 'organization'} format={format} ref={more.refAt(index)} />
        ))}
      </Stack>
      {history.pageInfo.hasNextPage && (
        // Not disabled while loading (a disabled button drops the keyboard focus); aria-busy says it is working.
        <Button variant="default" aria-busy={more.loading} onClick={() => void more.loadMore(query, variables, history)} style={{ alignSelf: 'center' }}>
          {t('history.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
