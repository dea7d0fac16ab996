import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Stack, Table, VisuallyHidden, type ComboboxItem } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../app/errors';
import { ConflictAlert, useVersionConflict } from '../../../components/ConflictAlert';
import type { DetailFieldsSettingsQuery } from '../../../gql/graphql';
import { DetailFieldRow } from './DetailFieldRow';
import { useUpdateDetailField } from './useUpdateDetailField';

type Field = DetailFieldsSettingsQuery['detailFields'][number];

interface DetailFieldsTableProps {
  /** All of the scope's fields, archived ones too, in order: positions count them all. */
  fields: Field[];
  teams: ComboboxItem[];
}

/** The fields of one scope; drag a row by its handle (mouse, touch or keyboard) or use Move up/down to reorder. */
export function DetailFieldsTable({ fields, teams }: DetailFieldsTableProps) {
  const { t } = useTranslation();
  const { conflict, order, move, setArchived } = useFieldActions(fields);
  const byId = useMemo(() => new Map(fields.map((field) => [field.id, field])), [fields]);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useAnnouncements(order, (id) => byId.get(String(id))?.label ?? '');

  function handleDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    void move(String(active.id), order.indexOf(String(over.id)));
  }

  return (
    <Stack gap="sm">
      <ConflictAlert conflict={conflict} title={t('detailFields.conflictTitle')} reloadedText={t('detailFields.reloaded')} />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={handleDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('detailFields.dnd.instructions') } }}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" withTableBorder bg="white" aria-label={t('detailFields.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <VisuallyHidden>{t('detailFields.order')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('detailFields.label')}</Table.Th>
                  <Table.Th>{t('detailFields.type')}</Table.Th>
                  <Table.Th>{t('detailFields.whoCanView')}</Table.Th>
                  <Table.Th>{t('detailFields.whoCanEdit')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('detailFields.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.map((id, index) => (
                  <DetailFieldRow
                    key={id}
                    id={id}
                    field={byId.get(id)!}
                    isFirst={index === 0}
                    isLast={index === order.length - 1}
                    onMove={(offset) => void move(id, index + offset)}
                    onSetArchived={(archived) => void setArchived(id, archived)}
                    teams={teams}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </SortableContext>
      </DndContext>
    </Stack>
  );
}

/**
 * Moves and archive toggles, each sent with the field's version. A moved row
 * takes its new place at once and keeps it until the reloaded list arrives;
 * a refusal puts it back.
 */
function useFieldActions(fields: Field[]) {
  const notifyError = useNotifyError();
  const conflict = useVersionConflict();
  const [updateField] = useUpdateDetailField();
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const order = pendingOrder ?? fields.map((field) => field.id);

  async function update(id: string, change: { position: number } | { archived: boolean }) {
    const field = fields.find((f) => f.id === id);
    if (!field) return;
    try {
      await updateField({ variables: { input: { id, expectedVersion: field.version, ...change } } });
    } catch (error) {
      if (!conflict.caught(error)) notifyError(error);
    }
  }

  return {
    conflict,
    order,
    async move(id: string, to: number) {
      const from = order.indexOf(id);
      if (to < 0 || to >= order.length || from === to) return;
      setPendingOrder(arrayMove(order, from, to));
      await update(id, { position: to });
      setPendingOrder(null);
    },
    setArchived: (id: string, archived: boolean) => update(id, { archived }),
  };
}

/** What screen readers hear while dragging: the field's label and place, in the UI language (not ids). */
function useAnnouncements(order: string[], labelOf: (id: UniqueIdentifier) => string): Announcements {
  const { t } = useTranslation();
  const place = (id: UniqueIdentifier) => ({ position: order.indexOf(String(id)) + 1, count: order.length });
  return {
    onDragStart: ({ active }) => t('detailFields.dnd.picked', { label: labelOf(active.id), ...place(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('detailFields.dnd.over', { label: labelOf(active.id), ...place(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('detailFields.dnd.dropped', { label: labelOf(active.id), ...place(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('detailFields.dnd.cancelled', { label: labelOf(active.id) }),
  };
}
