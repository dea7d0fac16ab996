import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { cleanIdentifier, emailProblem, identifierRefusal, usernameProblem } from '@cp/shared';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { useDialogAction } from '../../app/dialog-action';
import { useErrorInfo } from '../../app/errors';
import { useProblemText } from '../../app/problems';
import { ConflictAlert, useFollowSavedValues, useSavedValueHint, useVersionConflict } from '../../components/ConflictAlert';
import { FormActions } from '../../components/FormActions';
import { useExternalIdCheck } from '../../components/external-id-check';
import { graphql } from '../../gql';
import type { EditCustomerDialog_CustomerFragment } from '../../gql/graphql';

const EditCustomerDialogCustomer = graphql(`
  fragment EditCustomerDialog_customer on Customer {
    id
    version
    displayName
    email
    username
    externalId
  }
`);

const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      id
      version
      displayName
      email
      username
      externalId
      updatedAt
    }
  }
`);

const FIELDS = ['displayName', 'email', 'username', 'externalId'] as const;
type Field = (typeof FIELDS)[number];

interface EditCustomerDialogProps {
  customer: FragmentType<typeof EditCustomerDialogCustomer>;
  opened: boolean;
  onClose: () => void;
}

export function EditCustomerDialog({ customer, opened, onClose }: EditCustomerDialogProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({
    fragment: EditCustomerDialogCustomer,
    fragmentName: 'EditCustomerDialog_customer',
    from: customer,
  });
  if (!complete) return null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('profile.editTitle', { name: data.displayName })} size="lg">
      {/* Mounted only while open, so the form starts from the saved values. */}
      <EditCustomerForm saved={data} onDone={onClose} />
    </Modal>
  );
}

/** `saved` follows the cache, so after a reload it is the latest version while the form keeps the edits. */
function EditCustomerForm({ saved, onDone }: { saved: EditCustomerDialog_CustomerFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorInfo();
  const problemText = useProblemText();
  // The same checks and reasons as the API, so a value it would refuse is caught here first.
  const refusal = (value: string, check: typeof emailProblem) => {
    const reason = cleanIdentifier(value) ? check(cleanIdentifier(value)) : null;
    return reason ? problemText(identifierRefusal(value, reason)) : null;
  };
  const externalIdRefusal = useExternalIdCheck();
  const run = useDialogAction(onDone);
  const conflict = useVersionConflict();
  const savedHint = useSavedValueHint(conflict);
  const [updateCustomer, { loading }] = useMutation(UpdateCustomerMutation, { update: forgetCachedLists });
  const savedValues = { displayName: saved.displayName, email: saved.email ?? '', username: saved.username ?? '', externalId: saved.externalId ?? '' };
  // Controlled: the hints after a reload compare what is typed with what is saved.
  const form = useForm({
    initialValues: savedValues,
    validate: {
      displayName: (value) => (value.trim() ? null : t('profile.displayNameRequired')),
      email: (value, values) => refusal(value, emailProblem) ?? (!cleanIdentifier(value) && !cleanIdentifier(values.username) ? t('profile.emailOrUsername') : null),
      username: (value) => refusal(value, usernameProblem),
      externalId: externalIdRefusal,
    },
  });

  useFollowSavedValues(form, savedValues);

  async function handleSubmit(values: typeof form.values) {
    // Only what changed is sent; an empty email, username or external id clears it.
    const changes: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const value = values[field].trim();
      if (value !== (saved[field] ?? '')) changes[field] = value;
    }
    await run(
      async () => {
        await updateCustomer({ variables: { input: { id: saved.id, expectedVersion: saved.version, ...changes } } });
        return t('profile.saved', { name: values.displayName.trim() });
      },
      (error) => {
        if (conflict.caught(error)) return true;
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
        <ConflictAlert conflict={conflict} title={t('profile.conflictTitle')} />
        <TextInput
          label={t('profile.displayName')}
          required
          data-autofocus
          // Focused as it mounts, in the click's own task: Mantine's focus trap moves the focus a tick later, and a key typed at once was lost.
          autoFocus
          description={savedHint(saved.displayName, form.values.displayName)}
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label={t('profile.email')}
          type="email"
          autoComplete="off"
          description={savedHint(saved.email, form.values.email)}
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('profile.username')}
          autoComplete="off"
          description={savedHint(saved.username, form.values.username)}
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('profile.externalId')}
          autoComplete="off"
          description={savedHint(saved.externalId, form.values.externalId)}
          {...form.getInputProps('externalId')}
        />
        <FormActions
          submitLabel={t('app.save')}
          loading={loading}
          submitDisabled={conflict.status === 'stale'}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
