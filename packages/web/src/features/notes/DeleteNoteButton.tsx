import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../app/dialog-action';
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
  const [confirming, confirm] = useDisclosure(false);
  const run = useDialogAction(confirm.close);
  const [deleteNote, { loading }] = useMutation(DeleteNoteMutation, {
    update(cache) {
      cache.evict({ id: cache.identify({ __typename: 'Note', id: noteId }) });
      forgetOwnerNotes(cache, owner);
    },
  });

  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={confirm.open} aria-label={t('notes.deleteLabel', { note: accessibleName })}>
        {t('notes.delete')}
      </Button>
      <Modal opened={confirming} onClose={confirm.close} title={t('notes.deleteTitle')}>
        <Text size="sm">{t('notes.deleteBody', { author })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('app.cancel')}
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={() =>
              void run(async () => {
                await deleteNote({ variables: { id: noteId } });
                return t('notes.deleted');
              })
            }
          >
            {t('notes.deleteConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
