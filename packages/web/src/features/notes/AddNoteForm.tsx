import { useMutation } from '@apollo/client/react';
import { cleanNoteBody } from '@cp/shared';
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportRefusal } from '../../app/errors';
import { useProblemText } from '../../app/problems';
import { graphql } from '../../gql';
import { forgetOwnerNotes, type NoteOwner } from './note-owner';
import { NoteBodyInput } from './NoteBodyInput';

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
  const problemText = useProblemText();
  const reportRefusal = useReportRefusal();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [addNote, { loading }] = useMutation(AddNoteMutation, { update: (cache) => forgetOwnerNotes(cache, owner) });

  async function submit() {
    if (loading) return;
    const cleaned = cleanNoteBody(draft);
    if (!cleaned.ok) return setError(problemText(cleaned.problem));
    const ownerId = owner.typename === 'Customer' ? { customerId: owner.id } : { organizationId: owner.id };
    try {
      await addNote({ variables: { input: { ...ownerId, body: cleaned.body } } });
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
          onChange={(next) => {
            setDraft(next);
            setError(undefined);
          }}
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
