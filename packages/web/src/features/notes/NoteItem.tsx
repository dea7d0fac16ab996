import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/i18n/format';
import { RelativeTime } from '../../components/RelativeTime';
import { graphql } from '../../gql';
import { DeleteNoteButton } from './DeleteNoteButton';
import type { NoteOwner } from './note-owner';
import { NoteBody } from './NoteBody';
import { NoteEditor } from './NoteEditor';

const NoteItemNote = graphql(`
  fragment NoteItem_note on Note {
    id
    body
    version
    createdAt
    updatedAt
    viaToken
    viewerCanEdit
    author {
      id
      displayName
    }
  }
`);

/** One note: who wrote it (and through which token), when, whether edited; Edit and Delete for its author or an admin. */
export function NoteItem({
  note,
  owner,
  focusRef,
}: {
  note: FragmentType<typeof NoteItemNote>;
  owner: NoteOwner;
  /** Set on the first note "Show older" added: focusable from script, so the reader goes on from there. */
  focusRef?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, edit] = useDisclosure(false);
  // Saving or cancelling removes the editor under the keyboard focus: it goes back to the Edit button, not to the page.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const { data, complete } = useFragment({ fragment: NoteItemNote, fragmentName: 'NoteItem_note', from: note });
  if (!complete) return null;
  const author = data.author.displayName;
  // Buttons of every note would otherwise all be called "Edit": say whose and when.
  const accessibleName = t('notes.noteName', { author, time: format.dateTime(data.createdAt) });

  return (
    <Paper component="article" ref={focusRef} tabIndex={focusRef ? -1 : undefined} withBorder radius="md" p="md" aria-label={accessibleName}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {author}
          </Text>
          {data.viaToken && (
            <Badge variant="light" color="gray" size="sm" tt="none">
              {t('notes.viaToken', { name: data.viaToken })}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            <RelativeTime iso={data.createdAt} />
            {data.version > 1 && (
              <>
                {' · '}
                {t('notes.edited')} <RelativeTime iso={data.updatedAt} />
              </>
            )}
          </Text>
        </Group>
        {data.viewerCanEdit && !editing && (
          <Group gap={4} wrap="nowrap">
            <Button ref={editButton} size="compact-sm" variant="subtle" onClick={edit.open} aria-label={t('notes.editNoteLabel', { note: accessibleName })}>
              {t('notes.edit')}
            </Button>
            <DeleteNoteButton owner={owner} noteId={data.id} accessibleName={accessibleName} author={author} />
          </Group>
        )}
      </Group>
      {editing ? <NoteEditor note={data} onDone={edit.close} /> : <NoteBody body={data.body} />}
    </Paper>
  );
}
