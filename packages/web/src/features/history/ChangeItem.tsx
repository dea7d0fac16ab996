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
  /** Set when an import wrote the entry: its job. */
  importJobId?: string | null;
  /** A created entry's detail values (of fields the viewer may view). */
  values?: ReadonlyArray<{ field: DetailFieldInfo & { id: string }; value: unknown }>;
}

/** Whose history an entry is in: the sentences name it. */
export type HistoryOwnerKind = 'customer' | 'organization';

/** Long texts (note bodies) are cut in the sentence; the whole text is on the note itself. */
const MAX_SHOWN = 120;
const cut = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);

/** The sentence of one change, after the actor's name: "set Support tier from Silver to Gold". */
export function changeSentence(change: ChangeNode, owner: HistoryOwnerKind, t: TFunction, format: (field: DetailFieldInfo, value: StoredDetailValue) => string): string {
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
    case 'created':
      return t(`history.created_${owner}`, { actor });
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

/** The order a created entry lists built-in attributes in (`to` comes as stored JSON, whose key order is the database's); others after. */
const ATTRIBUTE_ORDER = ['displayName', 'name', 'email', 'username', 'externalId', 'organizations'];
const attributeRank = (name: string) => (ATTRIBUTE_ORDER.includes(name) ? ATTRIBUTE_ORDER.indexOf(name) : ATTRIBUTE_ORDER.length);

/** What a created entry lists: its built-in attributes (`to`, by name), then its detail values, as "Label: value". */
export function createdValues(change: ChangeNode, t: TFunction, format: (field: DetailFieldInfo, value: StoredDetailValue) => string): string[] {
  if (change.attribute !== 'created') return [];
  const given = Object.entries((change.to ?? {}) as Record<string, unknown>).sort(([a], [b]) => attributeRank(a) - attributeRank(b));
  // `organizations` is a list of names.
  const attributes = given.map(([name, value]) =>
    t('history.createdValue', { label: t(`history.attributes.${name}`, { defaultValue: name }), value: cut(Array.isArray(value) ? value.join(', ') : String(value)) }),
  );
  const values = (change.values ?? []).map(({ field, value }) => t('history.createdValue', { label: field.label, value: cut(format(field, value as StoredDetailValue)) }));
  return [...attributes, ...values];
}

/** One entry of the timeline: the sentence, the token or import it came through, and when (exact time on hover); a created entry lists its values. */
export const ChangeItem = forwardRef<
  HTMLLIElement,
  { change: ChangeNode; owner: HistoryOwnerKind; format: (field: DetailFieldInfo, value: StoredDetailValue) => string }
>(function ChangeItem({ change, owner, format }, ref) {
  const { t } = useTranslation();
  const listed = createdValues(change, t, format);
  return (
    // Focusable from script only: "Load more" moves the focus to the first entry it added.
    <Paper component="li" ref={ref} tabIndex={ref ? -1 : undefined} withBorder radius="md" px="md" py="xs">
      <Group gap="xs" wrap="wrap">
        {/* A long unbroken note body wraps instead of widening the page. */}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {changeSentence(change, owner, t, format)}
        </Text>
        {change.viaToken && (
          <Badge variant="light" color="gray" size="sm" tt="none">
            {t('notes.viaToken', { name: change.viaToken })}
          </Badge>
        )}
        {change.importJobId && (
          <Badge variant="light" color="blue" size="sm" tt="none">
            {t('history.viaImport')}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          · <RelativeTime iso={change.at} />
        </Text>
      </Group>
      {/* One line of text, not a nested list: the timeline's items are its entries. */}
      {listed.length > 0 && (
        <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {listed.join(' · ')}
        </Text>
      )}
    </Paper>
  );
});
