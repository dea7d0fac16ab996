import { useApolloClient } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetDetailField } from '../../app/cache';

/** A field definition as the viewer last received it; `viewerCanEdit` only where the query asked for it. */
export interface WatchedField {
  id: string;
  key: string;
  label: string;
  viewerCanEdit?: boolean;
}

/**
 * Tells the viewer that a field they were using is gone (hidden from them or
 * archived). One notice per field key, however many screens or responses
 * notice it (Mantine ignores a second notice with the same id while the first
 * is shown). Without the label (only the API's key is known), a general text.
 */
export function notifyFieldUnavailable(t: TFunction, field: { key: string; label?: string }): void {
  notifications.show({
    id: `detail-field-unavailable-${field.key}`,
    color: 'yellow',
    message: field.label ? t('details.fieldUnavailable', { label: field.label }) : t('customers.fieldsUnavailable'),
  });
}

/** Tells the viewer that a field they may still view can no longer be edited by them; once per field key. */
export function notifyFieldReadOnly(t: TFunction, field: { key: string; label: string }): void {
  notifications.show({ id: `detail-field-read-only-${field.key}`, color: 'yellow', message: t('details.fieldReadOnlyNow', { label: field.label }) });
}

/**
 * Watches the visible field definitions of a scope, as the cache holds them:
 * every response that carries them (the customer list, the Details tab and
 * its refetch after each save) replaces them, because the API simply leaves
 * out what the viewer may not view — a hidden value looks exactly like an
 * empty one, so only the definitions can tell. When a field drops out, its
 * cached values are forgotten (every screen) and, if `isShown(key)` says the
 * viewer had it on screen, they are told; when a field the viewer could edit
 * becomes view-only, they are told too. The first definitions seen are the
 * starting point, not a change.
 */
export function useFieldAccessChanges(
  scope: 'CUSTOMER' | 'ORGANIZATION' | 'ENTITLEMENT',
  fields: readonly WatchedField[] | undefined,
  isShown: (key: string) => boolean = () => true,
): void {
  const { t } = useTranslation();
  const client = useApolloClient();
  const previous = useRef<readonly WatchedField[]>(undefined);
  useEffect(() => {
    if (!fields) return;
    const before = previous.current;
    previous.current = fields;
    for (const old of before ?? []) {
      const now = fields.find((field) => field.id === old.id);
      if (!now) {
        forgetDetailField(client.cache, scope, old);
        if (isShown(old.key)) notifyFieldUnavailable(t, old);
      } else if (old.viewerCanEdit === true && now.viewerCanEdit === false) {
        notifyFieldReadOnly(t, now);
      }
    }
    // Only a new list of definitions is a change; `isShown` is read as it is then.
  }, [fields]);
}
