import type { DocumentNode } from 'graphql';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { parseDetailValue, problem, shownValue, type StoredDetailValue } from '@cp/shared';
import { Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { useErrorInfo, useReportRefusal } from '../../app/errors';
import { useProblemText } from '../../app/problems';
import { ConflictAlert, useVersionConflict } from '../../components/ConflictAlert';
import { graphql } from '../../gql';
import { draftOf, type DetailFieldInfo } from './detail-values';
import { DetailValueInput } from './DetailValueInput';
import { notifyFieldReadOnly, notifyFieldUnavailable } from './useFieldAccessChanges';
import { leavesEditor } from '../../components/leaves-editor';
import { InlineEditActions } from '../../components/InlineEditActions';

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
      ... on Entitlement {
        id
        version
        detailsByKey
        updatedAt
      }
    }
  }
`);

/** The customer, organization or entitlement whose values are edited, at the version on screen. */
export interface DetailOwner {
  scope: 'CUSTOMER' | 'ORGANIZATION' | 'ENTITLEMENT';
  id: string;
  version: number;
}

/** The setDetailValues input field naming each kind of owner. */
const OWNER_ID = { CUSTOMER: 'customerId', ORGANIZATION: 'organizationId', ENTITLEMENT: 'entitlementId' } as const;
const CONFLICT_TITLE = { CUSTOMER: 'profile.conflictTitle', ORGANIZATION: 'organizations.conflictTitle', ENTITLEMENT: 'entitlements.conflictTitle' } as const;

interface DetailValueEditorProps {
  field: DetailFieldInfo;
  saved: StoredDetailValue | null;
  owner: DetailOwner;
  /** The query that shows these values with their definitions; refetched after a save (see DetailsPanelQuery). */
  definitionsQuery: DocumentNode;
  onDone: () => void;
}

/** Edit one value in place: Enter or Save sends it, Escape or Cancel leaves it as it was. */
export function DetailValueEditor({ field, saved, owner, definitionsQuery, onDone }: DetailValueEditorProps) {
  const { t } = useTranslation();
  const reportRefusal = useReportRefusal();
  const describeError = useErrorInfo();
  const problemText = useProblemText();
  const conflict = useVersionConflict();
  const client = useApolloClient();
  const [draft, setDraft] = useState(() => draftOf(field.type, saved));
  const [error, setError] = useState<string>();
  // Lists may be sorted or filtered by this value, so cached pages are dropped. The answer carries the
  // owner's values but not which fields they cover: the definitions come again with them (`definitionsQuery`).
  const [setDetailValues, { loading }] = useMutation(SetDetailValuesMutation, { update: forgetCachedLists, refetchQueries: [definitionsQuery] });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    // The API's own codec: a value it would refuse never leaves the browser.
    const parsed = parseDetailValue(field, draft);
    if (!parsed.ok) return setError(problemText(problem('INVALID_DETAIL_VALUE', { label: field.label, value: shownValue(draft), problem: parsed.problem })));
    if (JSON.stringify(parsed.value) === JSON.stringify(saved)) return onDone();
    const ownerId = { [OWNER_ID[owner.scope]]: owner.id };
    try {
      await setDetailValues({
        variables: { input: { ...ownerId, expectedVersion: owner.version, values: [{ fieldKey: field.key, value: parsed.value }] } },
      });
      onDone();
    } catch (caught) {
      if (conflict.caught(caught)) return;
      const info = describeError(caught);
      // An admin hid the field or took away the viewer's edit while the editor was open: not a failure, the page
      // catches up (the field goes, or shows locked) and says so.
      const withdrawn = info.problem?.reason === 'UNKNOWN_DETAIL_FIELD' && info.problem.params.key === field.key;
      if (withdrawn || info.problem?.reason === 'DETAIL_FIELD_READ_ONLY') {
        if (withdrawn) notifyFieldUnavailable(t, field);
        else notifyFieldReadOnly(t, field);
        onDone();
        void client.refetchQueries({ include: [definitionsQuery] });
      } else reportRefusal(caught, field.key, setError);
    }
  }

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      onKeyDown={(event) => {
        if (leavesEditor(event)) onDone();
      }}
      noValidate
    >
      <Stack gap="xs">
        <ConflictAlert
          conflict={conflict}
          title={t(CONFLICT_TITLE[owner.scope])}
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
        <InlineEditActions loading={loading} saveDisabled={conflict.status === 'stale'} onCancel={onDone} />
      </Stack>
    </form>
  );
}
