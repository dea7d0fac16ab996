import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportRefusal } from '../../app/errors';
import { graphql } from '../../gql';
import { forgetOwnerNotes, type NoteOwner } from './note-owner';
import { NoteBodyInput } from './NoteBodyInput';
import { useNoteDraft } from './useNoteDraft';

const AddNoteMutation = graphql(`
  mutation AddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      id
    }
  }
`);

/** The box at the top of the notes: Add (or Ctrl/Cmd+Enter) saves, and the new note shows first. */
export function AddNoteForm({ owner }: { owner: NoteOwner }) {
  const { t } = useTranslation();
  const reportRefusal = useReportRefusal();
  const { draft, error, setError, setDraft, change, cleaned } = useNoteDraft('');
  const [addNote, { loading }] = useMutation(AddNoteMutation, { update: (cache) => forgetOwnerNotes(cache, owner) });

  async function submit() {
    if (loading) return;
    const body = cleaned();
    if (body === null) return;
    const ownerId = owner.typename === 'Customer' ? { customerId: owner.id } : { organizationId: owner.id };
    try {
      await addNote({ variables: { input: { ...ownerId, body } } });
      setDraft('');
    } catch (caught) {
      reportRefusal(caught, 'body', setError);
    }
  }

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="xs">
        <NoteBodyInput
          label={t('notes.newLabel')}
          placeholder={t('notes.newPlaceholder')}
          value={draft}
          onChange={change}
          onSubmit={() => void submit()}
          error={error}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {t('notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
