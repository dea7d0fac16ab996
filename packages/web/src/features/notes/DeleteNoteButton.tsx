import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmedActionButton } from '../../components/ConfirmedActionButton';
import { graphql } from '../../gql';
import { forgetOwnerNotes, type NoteOwner } from './note-owner';

const DeleteNoteMutation = graphql(`
  mutation DeleteNote($id: ID!) {
    deleteNote(id: $id)
  }
`);

interface DeleteNoteButtonProps {
  owner: NoteOwner;
  noteId: string;
  /** Names the note in the button and the question: its author and when. */
  accessibleName: string;
  author: string;
}

/** Deletes a note after asking; the list fetches again without it. */
export function DeleteNoteButton({ owner, noteId, accessibleName, author }: DeleteNoteButtonProps) {
  const { t } = useTranslation();
  const [deleteNote, { loading }] = useMutation(DeleteNoteMutation, {
    update(cache) {
      cache.evict({ id: cache.identify({ __typename: 'Note', id: noteId }) });
      forgetOwnerNotes(cache, owner);
    },
  });

  return (
    <ConfirmedActionButton
      label={t('notes.delete')}
      accessibleName={t('notes.deleteLabel', { note: accessibleName })}
      title={t('notes.deleteTitle')}
      body={t('notes.deleteBody', { author })}
      confirmLabel={t('notes.deleteConfirm')}
      loading={loading}
      action={async () => {
        await deleteNote({ variables: { id: noteId } });
        return t('notes.deleted');
      }}
    />
  );
}
