import { useQuery } from '@apollo/client/react';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { Button, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
      }
    }
  }
`);

const CustomerHistoryQuery = graphql(`
  query CustomerHistory($id: ID!, $first: Int!) {
    customer(id: $id) {
      id
      history(first: $first) {
        ...HistoryPanel_connection @unmask
      }
    }
  }
`);

const OrganizationHistoryQuery = graphql(`
  query OrganizationHistory($id: ID!, $first: Int!) {
    organization(id: $id) {
      id
      history(first: $first) {
        ...HistoryPanel_connection @unmask
      }
    }
  }
`);

// Older entries come by growing the page up to the API's page limit, as notes do: one query the cache can refresh.
const PAGE = 20;
const MAX_PAGE = 200;

interface HistoryPanelProps {
  owner: { typename: 'Customer' | 'Organization'; id: string };
  /** What the empty list says, naming the kind of owner. */
  empty: { title: string; body: string };
}

/** The History tab of a profile or an organization: a timeline of who changed what, newest first. */
export function HistoryPanel({ owner, empty }: HistoryPanelProps) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const variables = { id: owner.id, first };
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
  const format = useDetailFormat(changes.flatMap((change) => (change.field ? [change.field] : [])));

  if (!history) return <QueryStatus error={query.error} onRetry={query.refetch} />;
  if (changes.length === 0) return <EmptyState icon={IconHistory} title={empty.title} body={empty.body} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('history.total', { count: history.totalCount })}
      </Text>
      <Stack component="ol" gap="xs" aria-label={t('history.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {changes.map((change) => (
          <ChangeItem key={change.id} change={change} format={format} />
        ))}
      </Stack>
      {history.pageInfo.hasNextPage && first < MAX_PAGE && (
        <Button variant="default" loading={query.loading} onClick={() => setFirst((n) => Math.min(n + PAGE, MAX_PAGE))} style={{ alignSelf: 'center' }}>
          {t('history.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
