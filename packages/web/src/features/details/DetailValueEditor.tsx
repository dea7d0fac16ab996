import { useMutation } from '@apollo/client/react';
import { parseDetailValue, type StoredDetailValue } from '@cp/shared';
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { errorInfo, useNotifyError } from '../../app/errors';
import { ConflictAlert, useVersionConflict } from '../../components/ConflictAlert';
import { graphql } from '../../gql';
import { draftOf, type DetailFieldInfo } from './detail-values';
import { DetailValueInput } from './DetailValueInput';
import { useInvalidValueMessage } from './useInvalidValueMessage';

// The owner comes back with its new version and values, so the page updates from the cache.
const SetDetailValuesMutation = graphql(`
  mutation SetDetailValues($input: SetDetailValuesInput!) {
    setDetailValues(input: $input) {
      ... on Customer {
        id
        version
        detailsByKey
        updatedAt
      }
      ... on Organization {
        id
        version
        detailsByKey
        updatedAt
      }
    }
  }
`);

/** The customer or organization whose values are edited, at the version on screen. */
export interface DetailOwner {
  scope: 'CUSTOMER' | 'ORGANIZATION';
  id: string;
  version: number;
}

interface DetailValueEditorProps {
  field: DetailFieldInfo;
  saved: StoredDetailValue | null;
  owner: DetailOwner;
  onDone: () => void;
}

/** Edit one value in place: Enter or Save sends it, Escape or Cancel leaves it as it was. */
export function DetailValueEditor({ field, saved, owner, onDone }: DetailValueEditorProps) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const conflict = useVersionConflict();
  const invalidMessage = useInvalidValueMessage();
  const [draft, setDraft] = useState(() => draftOf(field.type, saved));
  const [error, setError] = useState<string>();
  // Lists may be sorted or filtered by this value, so cached pages are dropped.
  const [setDetailValues, { loading }] = useMutation(SetDetailValuesMutation, { update: forgetCachedLists });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    // The API's own codec: a value it would refuse never leaves the browser.
    const parsed = parseDetailValue(field, draft);
    if (!parsed.ok) return setError(invalidMessage(field.type, draft));
    if (JSON.stringify(parsed.value) === JSON.stringify(saved)) return onDone();
    const ownerId = owner.scope === 'CUSTOMER' ? { customerId: owner.id } : { organizationId: owner.id };
    try {
      await setDetailValues({
        variables: { input: { ...ownerId, expectedVersion: owner.version, values: [{ fieldKey: field.key, value: parsed.value }] } },
      });
      onDone();
    } catch (caught) {
      if (conflict.caught(caught)) return;
      const info = errorInfo(caught);
      if (info.field === field.key && info.detail) setError(info.detail);
      else notifyError(caught);
    }
  }

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onDone();
      }}
      noValidate
    >
      <Stack gap="xs">
        <ConflictAlert
          conflict={conflict}
          title={t(owner.scope === 'CUSTOMER' ? 'profile.conflictTitle' : 'organizations.conflictTitle')}
          reloadedText={t('details.reloaded')}
        />
        <DetailValueInput
          field={field}
          value={draft}
          onChange={(next) => {
            setDraft(next);
            setError(undefined);
          }}
          label={field.label}
          error={error}
          autoFocus
        />
        <Group gap="xs">
          <Button type="submit" size="compact-sm" loading={loading} disabled={conflict.status === 'stale'}>
            {t('app.save')}
          </Button>
          <Button variant="default" size="compact-sm" onClick={onDone}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
