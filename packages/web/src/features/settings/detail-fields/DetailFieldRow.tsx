import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Group, Table, Text, type ComboboxItem } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconGripVertical } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { AudienceSummary } from './AudienceSummary';
import { EditFieldDialog } from './EditFieldDialog';
import { FieldActionsMenu } from './FieldActionsMenu';
import { PermissionsDialog } from './PermissionsDialog';

const DetailFieldRowField = graphql(`
  fragment DetailFieldRow_field on DetailField {
    id
    label
    type
    archived
    permissions {
      view {
        agents
        teams {
          id
          name
        }
      }
      edit {
        agents
        teams {
          id
          name
        }
      }
    }
    ...EditFieldDialog_field
    ...PermissionsDialog_field
  }
`);

interface DetailFieldRowProps {
  /** Also the drag-and-drop id. */
  id: string;
  field: FragmentType<typeof DetailFieldRowField>;
  isFirst: boolean;
  isLast: boolean;
  onMove: (offset: -1 | 1) => void;
  onSetArchived: (archived: boolean) => void;
  teams: ComboboxItem[];
}

/** One field in Settings: a drag handle, what it is, who may see and change it, and its actions. */
export function DetailFieldRow({ id, field, isFirst, isLast, onMove, onSetArchived, teams }: DetailFieldRowProps) {
  const { t } = useTranslation();
  const [editing, edit] = useDisclosure(false);
  const [managing, manage] = useDisclosure(false);
  const { data, complete } = useFragment({ fragment: DetailFieldRowField, fragmentName: 'DetailFieldRow_field', from: field });
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  if (!complete) return null;

  return (
    <Table.Tr
      ref={setNodeRef}
      c={data.archived ? 'dimmed' : undefined}
      style={{
        // Translate only: scaling would squash rows of different heights.
        transform: CSS.Translate.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        background: isDragging ? 'var(--mantine-color-indigo-0)' : undefined,
      }}
    >
      <Table.Td w={44}>
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
          {...attributes}
          {...listeners}
          aria-label={t('detailFields.dragLabel', { label: data.label })}
        >
          <IconGripVertical size={16} aria-hidden />
        </ActionIcon>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {data.label}
          </Text>
          {data.archived && (
            <Badge color="gray" variant="outline" radius="sm">
              {t('detailFields.archived')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{t(`detailFields.types.${data.type}`)}</Table.Td>
      <Table.Td>{data.permissions && <AudienceSummary audience={data.permissions.view} />}</Table.Td>
      <Table.Td>{data.permissions && <AudienceSummary audience={data.permissions.edit} />}</Table.Td>
      <Table.Td>
        <Group justify="flex-end">
          <FieldActionsMenu
            label={data.label}
            archived={data.archived}
            canMoveUp={!isFirst}
            canMoveDown={!isLast}
            onManagePermissions={manage.open}
            onEdit={edit.open}
            onMove={onMove}
            onSetArchived={onSetArchived}
          />
        </Group>
        <EditFieldDialog field={data} opened={editing} onClose={edit.close} />
        <PermissionsDialog field={data} opened={managing} onClose={manage.close} teams={teams} />
      </Table.Td>
    </Table.Tr>
  );
}
