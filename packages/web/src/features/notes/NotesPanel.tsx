import { useQuery } from '@apollo/client/react';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { Button, Stack, Text } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMorePages } from '../../app/more-pages';
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
      endCursor
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
  query CustomerNotes($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      notes(first: $first, after: $after) {
        ...NotesPanel_connection @unmask
      }
    }
  }
`);

const OrganizationNotesQuery = graphql(`
  query OrganizationNotes($id: ID!, $first: Int!, $after: String) {
    organization(id: $id) {
      id
      notes(first: $first, after: $after) {
        ...NotesPanel_connection @unmask
      }
    }
  }
`);

// Older notes come page by page after the last cursor, appended; after a change the list starts again from its first page.
const PAGE = 20;

interface NotesPanelProps {
  owner: NoteOwner;
  /** What the empty list says, naming the kind of owner. */
  empty: { title: string; body: string };
}

/** The Notes tab of a profile or an organization: the add box at the top, then the notes, newest first. */
export function NotesPanel({ owner, empty }: NotesPanelProps) {
  const { t } = useTranslation();
  const variables = { id: owner.id, first: PAGE, after: null };
  const customer = useQuery(CustomerNotesQuery, { variables, skip: owner.typename !== 'Customer' });
  const organization = useQuery(OrganizationNotesQuery, { variables, skip: owner.typename !== 'Organization' });
  const query = owner.typename === 'Customer' ? customer : organization;
  const notes: ResultOf<typeof NotesPanelConnection> | undefined =
    owner.typename === 'Customer'
      ? (customer.data ?? customer.previousData)?.customer?.notes
      : (organization.data ?? organization.previousData)?.organization?.notes;
  const more = useMorePages<HTMLElement>(owner.typename === 'Customer' ? 'customer' : 'organization', 'notes');

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
          {notes.edges.map(({ node }, index) => (
            <NoteItem key={node.id} note={node} owner={owner} focusRef={more.refAt(index)} />
          ))}
          {notes.pageInfo.hasNextPage && (
            // Not disabled while loading (a disabled button drops the keyboard focus); aria-busy says it is working.
            <Button variant="default" aria-busy={more.loading} onClick={() => void more.loadMore(query, variables, notes)} style={{ alignSelf: 'center' }}>
              {t('notes.showOlder')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
