import type { StoredDetailValue } from '@cp/shared';
import type { DocumentNode } from 'graphql';
import { ActionIcon, Box, Group, Text, Tooltip } from '@mantine/core';
import { IconLock, IconPencil } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetailFieldInfo } from './detail-values';
import { DetailValueEditor, type DetailOwner } from './DetailValueEditor';
import { DetailValueView } from './DetailValueView';

interface DetailValueRowProps {
  field: DetailFieldInfo & { viewerCanEdit: boolean };
  value: StoredDetailValue | null;
  text: string | null;
  owner: DetailOwner;
  /** Refetched after a save: the query these values and definitions came from. */
  definitionsQuery: DocumentNode;
  /** False: the value only, no edit button nor lock (it is changed on another page). */
  editable: boolean;
}

/** One field of the Details tab, named by its label: its value, and the way to change it if the viewer may. */
export function DetailValueRow({ field, value, text, owner, definitionsQuery, editable }: DetailValueRowProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const [editing, setEditing] = useState(false);
  // Closing the editor removes the focused control: focus goes back to where editing started (or to the lock,
  // if the field became view-only meanwhile), never to the page's body.
  const [returnFocus, setReturnFocus] = useState(false);
  const controlRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!returnFocus || editing) return;
    controlRef.current?.focus();
    setReturnFocus(false);
  }, [returnFocus, editing]);
  return (
    // On a phone the label takes a line of its own above the value: beside it, a 200 px label left the value a
    // column a few characters wide ("Bronz/e", a phone number on four lines). From `xs` up they share the line.
    <Group role="group" aria-labelledby={labelId} align="flex-start" wrap="wrap" py="sm" gap="md" style={{ rowGap: 4 }}>
      <Text id={labelId} size="sm" fw={600} w={{ base: '100%', xs: 200 }} style={{ flexShrink: 0, overflowWrap: 'anywhere' }}>
        {field.label}
      </Text>
      <Box style={{ flex: 1, minWidth: 0 }}>
        {editing ? (
          <DetailValueEditor
            field={field}
            saved={value}
            owner={owner}
            definitionsQuery={definitionsQuery}
            onDone={() => {
              setEditing(false);
              setReturnFocus(true);
            }}
          />
        ) : (
          <DetailValueView field={field} value={value} text={text} />
        )}
      </Box>
      {!editing &&
        editable &&
        (field.viewerCanEdit ? (
          <ActionIcon ref={controlRef as RefObject<HTMLButtonElement>} variant="subtle" color="gray" aria-label={t('details.editLabel', { label: field.label })} onClick={() => setEditing(true)}>
            <IconPencil size={16} aria-hidden />
          </ActionIcon>
        ) : (
          // Focusable, so keyboard users reach the explanation too.
          <Tooltip label={t('details.viewOnly')}>
            <Box ref={controlRef} component="span" tabIndex={0} role="img" aria-label={t('details.viewOnly')} c="dimmed" lh={0} p={6}>
              <IconLock size={16} aria-hidden />
            </Box>
          </Tooltip>
        ))}
    </Group>
  );
}
