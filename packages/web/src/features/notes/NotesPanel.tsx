import { useQuery } from '@apollo/client/react';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { Button, Stack, Text } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { graphql } from '../../gql';
import { AddNoteForm } from './AddNoteForm';
import type { NoteOwner } from './note-owner';
import { NoteItem } from './NoteItem';

const NotesPanelConnection = graphql(`
  fragment NotesPanel_connection on NoteConnection {
    totalCount
    pageInfo {
      hasNextPage
    }
    edges {
      node {
        id
        ...NoteItem_note
      }
    }
  }
`);

const CustomerNotesQuery = graphql(`
  query CustomerNotes($id: ID!, $first: Int!) {
    customer(id: $id) {
      id
      notes(first: $first) {
        ...NotesPanel_connection @unmask
      }
    }
  }
`);

const OrganizationNotesQuery = graphql(`
  query OrganizationNotes($id: ID!, $first: Int!) {
    organization(id: $id) {
      id
      notes(first: $first) {
        ...NotesPanel_connection @unmask
      }
    }
  }
`);

// Older notes come by growing the page up to the API's page limit: the list stays one query the cache can drop after a change.
const PAGE = 20;
const MAX_PAGE = 200;

interface NotesPanelProps {
  owner: NoteOwner;
  /** What the empty list says, naming the kind of owner. */
  empty: { title: string; body: string };
}

/** The Notes tab of a profile or an organization: the add box at the top, then the notes, newest first. */
export function NotesPanel({ owner, empty }: NotesPanelProps) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const variables = { id: owner.id, first };
  const customer = useQuery(CustomerNotesQuery, { variables, skip: owner.typename !== 'Customer' });
  const organization = useQuery(OrganizationNotesQuery, { variables, skip: owner.typename !== 'Organization' });
  const query = owner.typename === 'Customer' ? customer : organization;
  // While a longer page loads, the shorter one stays on screen.
  const notes: ResultOf<typeof NotesPanelConnection> | undefined =
    owner.typename === 'Customer'
      ? (customer.data ?? customer.previousData)?.customer?.notes
      : (organization.data ?? organization.previousData)?.organization?.notes;

  return (
    <Stack gap="lg">
      <AddNoteForm owner={owner} />
      {!notes ? (
        <QueryStatus error={query.error} onRetry={query.refetch} />
      ) : notes.edges.length === 0 ? (
        <EmptyState icon={IconNotes} title={empty.title} body={empty.body} />
      ) : (
        <Stack component="section" gap="sm" aria-label={t('notes.listLabel')}>
          <Text size="sm" c="dimmed">
            {t('notes.total', { count: notes.totalCount })}
          </Text>
          {notes.edges.map(({ node }) => (
            <NoteItem key={node.id} note={node} owner={owner} />
          ))}
          {notes.pageInfo.hasNextPage && first < MAX_PAGE && (
            <Button variant="default" loading={query.loading} onClick={() => setFirst((n) => Math.min(n + PAGE, MAX_PAGE))} style={{ alignSelf: 'center' }}>
              {t('notes.showOlder')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
