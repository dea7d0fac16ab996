import type { StoredDetailValue } from '@cp/shared';
import { Badge, Group, Paper, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/RelativeTime';
import type { DetailFieldInfo } from '../details/detail-values';

/** One history entry as the History tab reads it. */
export interface ChangeNode {
  id: string;
  at: string;
  viaToken?: string | null;
  attribute?: string | null;
  from?: unknown;
  to?: unknown;
  actor?: { displayName: string } | null;
  field?: (DetailFieldInfo & { id: string }) | null;
  /** Set for entries about an entitlement: its product. */
  product?: { name: string } | null;
}

/** Long texts (note bodies) are cut in the sentence; the whole text is on the note itself. */
const MAX_SHOWN = 120;
const cut = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);

/** The sentence of one change, after the actor's name: "set Support tier from Silver to Gold". */
export function changeSentence(change: ChangeNode, t: TFunction, format: (field: DetailFieldInfo, value: StoredDetailValue) => string): string {
  const actor = change.actor?.displayName ?? t('history.system');
  const text = (value: unknown) => cut(String(value));
  const { from, to } = change;
  const has = (value: unknown) => value !== null && value !== undefined;
  if (change.field) {
    const shown = (value: unknown) => cut(format(change.field!, value as StoredDetailValue));
    // An entitlement's field is named with its product: "Seats of Cloud Premium".
    const label = change.product ? t('history.fieldOfProduct', { label: change.field.label, product: change.product.name }) : change.field.label;
    if (!has(from)) return t('history.setFirst', { actor, label, to: shown(to) });
    if (!has(to)) return t('history.cleared', { actor, label, from: shown(from) });
    return t('history.set', { actor, label, from: shown(from), to: shown(to) });
  }
  switch (change.attribute) {
    case 'organization':
      return has(to) ? t('history.joined', { actor, name: text(to) }) : t('history.left', { actor, name: text(from) });
    case 'member':
      return has(to) ? t('history.memberAdded', { actor, name: text(to) }) : t('history.memberRemoved', { actor, name: text(from) });
    case 'note':
      if (!has(from)) return t('history.noteAdded', { actor, body: text(to) });
      if (!has(to)) return t('history.noteDeleted', { actor, body: text(from) });
      return t('history.noteEdited', { actor, body: text(to) });
    case 'entitlement': {
      // The product's name today, as its value entries say it; the name at the time is in from/to.
      const product = change.product?.name ?? text(has(to) ? to : from);
      return has(to) ? t('history.entitlementGranted', { actor, product }) : t('history.entitlementRevoked', { actor, product });
    }
    default: {
      // Built-in attributes by name; one added later still reads, by its API name.
      const label = t(`history.attributes.${change.attribute}`, { defaultValue: change.attribute ?? '' });
      if (!has(from)) return t('history.setFirst', { actor, label, to: text(to) });
      if (!has(to)) return t('history.cleared', { actor, label, from: text(from) });
      return t('history.set', { actor, label, from: text(from), to: text(to) });
    }
  }
}

/** One entry of the timeline: the sentence, the token it came through, and when (exact time on hover). */
export const ChangeItem = forwardRef<HTMLLIElement, { change: ChangeNode; format: (field: DetailFieldInfo, value: StoredDetailValue) => string }>(function ChangeItem(
  { change, format },
  ref,
) {
  const { t } = useTranslation();
  return (
    // Focusable from script only: "Load more" moves the focus to the first entry it added.
    <Paper component="li" ref={ref} tabIndex={ref ? -1 : undefined} withBorder radius="md" px="md" py="xs">
      <Group gap="xs" wrap="wrap">
        {/* A long unbroken note body wraps instead of widening the page. */}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {changeSentence(change, t, format)}
        </Text>
        {change.viaToken && (
          <Badge variant="light" color="gray" size="sm" tt="none">
            {t('notes.viaToken', { name: change.viaToken })}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          · <RelativeTime iso={change.at} />
        </Text>
      </Group>
    </Paper>
  );
});
