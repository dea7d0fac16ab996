import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { useDialogAction } from '../../app/dialog-action';
import { useErrorInfo } from '../../app/errors';
import { ConflictAlert, useFollowSavedValues, useSavedValueHint, useVersionConflict } from '../../components/ConflictAlert';
import { FormActions } from '../../components/FormActions';
import { useExternalIdCheck } from '../../components/external-id-check';
import { graphql } from '../../gql';
import type { EditOrganizationDialog_OrganizationFragment } from '../../gql/graphql';
import { useOrganizationNameTexts } from './organization-name-texts';

const EditOrganizationDialogOrganization = graphql(`
  fragment EditOrganizationDialog_organization on Organization {
    id
    name
    externalId
    version
  }
`);

const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      id
      name
      externalId
      version
      updatedAt
    }
  }
`);

const FIELDS = ['name', 'externalId'] as const;
type Field = (typeof FIELDS)[number];

interface EditOrganizationDialogProps {
  organization: FragmentType<typeof EditOrganizationDialogOrganization>;
  opened: boolean;
  onClose: () => void;
}

/** Renaming an organization and setting its external id, in one versioned edit. */
export function EditOrganizationDialog({ organization, opened, onClose }: EditOrganizationDialogProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({
    fragment: EditOrganizationDialogOrganization,
    fragmentName: 'EditOrganizationDialog_organization',
    from: organization,
  });
  if (!complete) return null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('organizations.editTitle', { name: data.name })}>
      {/* Mounted only while open, so the form starts from the saved values. */}
      <EditOrganizationForm saved={data} onDone={onClose} />
    </Modal>
  );
}

/** `saved` follows the cache, so after a reload it is the latest version while the form keeps the edits. */
function EditOrganizationForm({ saved, onDone }: { saved: EditOrganizationDialog_OrganizationFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const nameTexts = useOrganizationNameTexts();
  const describeError = useErrorInfo();
  const externalIdRefusal = useExternalIdCheck();
  const run = useDialogAction(onDone);
  const conflict = useVersionConflict();
  const savedHint = useSavedValueHint(conflict);
  // Lists are sorted by name, so a new name can move it.
  const [updateOrganization, { loading }] = useMutation(UpdateOrganizationMutation, { update: forgetCachedLists });
  const savedValues = { name: saved.name, externalId: saved.externalId ?? '' };
  // Controlled: the hints after a reload compare what is typed with what is saved.
  const form = useForm({
    initialValues: savedValues,
    validate: {
      name: (value) => (value.trim() ? null : nameTexts.required),
      externalId: externalIdRefusal,
    },
  });

  useFollowSavedValues(form, savedValues);

  async function handleSubmit(values: typeof form.values) {
    // Only what changed is sent; an empty external id clears it.
    const changes: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const value = values[field].trim();
      if (value !== (saved[field] ?? '')) changes[field] = value;
    }
    await run(
      async () => {
        if (Object.keys(changes).length === 0) return undefined;
        await updateOrganization({ variables: { input: { id: saved.id, expectedVersion: saved.version, ...changes } } });
        return t('organizations.saved', { name: values.name.trim() });
      },
      (error) => {
        if (conflict.caught(error)) return true;
        // E.g. the name or the external id is taken: say it beside the field.
        const { field, detail } = describeError(error);
        if (!field || !detail || !(FIELDS as readonly string[]).includes(field)) return false;
        form.setFieldError(field, detail);
        return true;
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <ConflictAlert conflict={conflict} title={nameTexts.conflictTitle} />
        <TextInput label={nameTexts.label} required data-autofocus description={savedHint(saved.name, form.values.name)} {...form.getInputProps('name')} />
        <TextInput
          label={t('organizations.externalId')}
          autoComplete="off"
          description={savedHint(saved.externalId, form.values.externalId)}
          {...form.getInputProps('externalId')}
        />
        <FormActions submitLabel={t('app.save')} loading={loading} submitDisabled={conflict.status === 'stale'} onCancel={onDone} />
      </Stack>
    </form>
  );
}
