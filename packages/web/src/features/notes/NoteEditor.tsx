import { useMutation } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportRefusal } from '../../app/errors';
import { ConflictAlert, useSavedValueHint, useVersionConflict } from '../../components/ConflictAlert';
import { graphql } from '../../gql';
import { NoteBodyInput } from './NoteBodyInput';
import { useNoteDraft } from './useNoteDraft';
import { leavesEditor } from '../../components/leaves-editor';
import { InlineEditActions } from '../../components/InlineEditActions';

// The note comes back with its new version, so the list updates from the cache.
const UpdateNoteMutation = graphql(`
  mutation UpdateNote($id: ID!, $body: String!, $expectedVersion: Int!) {
    updateNote(id: $id, body: $body, expectedVersion: $expectedVersion) {
      id
      body
      version
      updatedAt
    }
  }
`);

interface NoteEditorProps {
  note: { id: string; body: string; version: number };
  onDone: () => void;
}

/**
 * Edits a note in place. Someone else's newer edit (CONFLICT) keeps the
 * draft; Reload brings the saved text, shown beneath the box, and the next
 * save is against that version. Escape or Cancel leaves the note as it was.
 */
export function NoteEditor({ note, onDone }: NoteEditorProps) {
  const { t } = useTranslation();
  const reportRefusal = useReportRefusal();
  const conflict = useVersionConflict();
  const savedHint = useSavedValueHint(conflict);
  const { draft, error, setError, change, cleaned } = useNoteDraft(note.body);
  const [updateNote, { loading }] = useMutation(UpdateNoteMutation);

  async function submit() {
    if (loading || conflict.status === 'stale') return;
    const body = cleaned();
    if (body === null) return;
    if (body === note.body) return onDone();
    try {
      await updateNote({ variables: { id: note.id, body, expectedVersion: note.version } });
      onDone();
    } catch (caught) {
      if (conflict.caught(caught)) return;
      reportRefusal(caught, 'body', setError);
    }
  }

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (leavesEditor(event)) onDone();
      }}
      noValidate
    >
      <Stack gap="xs">
        <ConflictAlert conflict={conflict} title={t('notes.conflictTitle')} />
        <NoteBodyInput
          label={t('notes.editLabel')}
          value={draft}
          onChange={change}
          onSubmit={() => void submit()}
          error={error}
          hint={savedHint(note.body, draft)}
          autoFocus
        />
        <InlineEditActions loading={loading} saveDisabled={conflict.status === 'stale'} onCancel={onDone} />
      </Stack>
    </form>
  );
}
