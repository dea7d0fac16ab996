import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { ActionIcon, Anchor, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/i18n/format';
import { customerPath } from '../../app/paths';
import { SkeletonRows } from '../../components/SkeletonRows';
import { graphql } from '../../gql';
import { RequestStatusBadge } from './RequestStatusBadge';

const RequestsTableRequest = graphql(`
  fragment RequestsTable_request on Request {
    id
    key
    summary
    status
    priority
    externalUrl
    createdAt
    updatedAt
    reporter {
      id
      displayName
    }
  }
`);

interface RequestsTableProps {
  /** Names the table for screen readers. */
  label: string;
  requests: Array<FragmentType<typeof RequestsTableRequest>>;
  /** An organization's list names each request's reporter. */
  showReporter: boolean;
  /** A newer page is on its way: the rows shown are dimmed until it arrives. */
  stale: boolean;
}

/** Requests, one per row, newest first as the API sends them. */
export function RequestsTable({ label, requests, showReporter, stale }: RequestsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = useFragment({ fragment: RequestsTableRequest, fragmentName: 'RequestsTable_request', from: requests });
  const columns = showReporter ? 7 : 6;
  // Dates: relative for scanning, the exact time on hover.
  const when = (iso: string) => (
    <Tooltip label={format.dateTime(iso)} openDelay={300}>
      <time dateTime={iso}>{format.relative(iso)}</time>
    </Tooltip>
  );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={label} aria-busy={stale} verticalSpacing="xs" style={{ opacity: stale ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requests.columns.key')}</Table.Th>
            <Table.Th>{t('requests.columns.summary')}</Table.Th>
            <Table.Th>{t('requests.columns.status')}</Table.Th>
            <Table.Th>{t('requests.columns.priority')}</Table.Th>
            {showReporter && <Table.Th>{t('requests.columns.reporter')}</Table.Th>}
            <Table.Th>{t('requests.columns.created')}</Table.Th>
            <Table.Th>{t('requests.columns.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!rows.complete ? (
            <SkeletonRows columns={columns} rows={5} />
          ) : (
            rows.data.map((request) => (
              <Table.Tr key={request.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" ff="monospace">
                    {request.key}
                  </Text>
                </Table.Td>
                <Table.Td style={{ minWidth: 220 }}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm">{request.summary}</Text>
                    {request.externalUrl && (
                      // A partner's page: a new tab that cannot reach back into this one, and no referrer sent.
                      <ActionIcon
                        component="a"
                        href={request.externalUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        variant="subtle"
                        size="sm"
                        aria-label={t('requests.openExternal', { key: request.key })}
                      >
                        <IconExternalLink size={14} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <RequestStatusBadge status={request.status} />
                </Table.Td>
                <Table.Td>{request.priority ?? <Text span size="sm" c="dimmed">{t('requests.noPriority')}</Text>}</Table.Td>
                {showReporter && (
                  <Table.Td>
                    <Anchor component={Link} to={customerPath(request.reporter.id)} size="sm">
                      {request.reporter.displayName}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(request.createdAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(request.updatedAt)}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
