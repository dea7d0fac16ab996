import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useErrorInfo, useNotifyError } from '../../app/errors';
import { ConflictAlert, useFollowSavedValues, useSavedValueHint, useVersionConflict } from '../../components/ConflictAlert';
import { FormActions } from '../../components/FormActions';

interface OrganizationNameFormProps {
  /** The name as saved; for a rename it follows the cache, so a reload updates it. */
  savedName: string;
  submitLabel: string;
  loading: boolean;
  /** Saves the trimmed name; a rejection is the API's error, shown here. */
  onSubmit: (name: string) => Promise<unknown>;
  onCancel: () => void;
}

/** Naming an organization, for creating and renaming alike. */
export function OrganizationNameForm({ savedName, submitLabel, loading, onSubmit, onCancel }: OrganizationNameFormProps) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const describeError = useErrorInfo();
  const conflict = useVersionConflict();
  const savedHint = useSavedValueHint(conflict);
  const form = useForm({
    initialValues: { name: savedName },
    validate: { name: (value) => (value.trim() ? null : t('organizations.nameRequired')) },
  });
  useFollowSavedValues(form, { name: savedName });

  async function handleSubmit({ name }: typeof form.values) {
    try {
      await onSubmit(name.trim());
    } catch (error) {
      if (conflict.caught(error)) return;
      // E.g. the name is taken: say it beside the field.
      const { field, detail } = describeError(error);
      if (field === 'name' && detail) form.setFieldError('name', detail);
      else notifyError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <ConflictAlert conflict={conflict} title={t('organizations.conflictTitle')} />
        <TextInput
          label={t('organizations.name')}
          required
          data-autofocus
          description={savedHint(savedName, form.values.name)}
          {...form.getInputProps('name')}
        />
        <FormActions
          submitLabel={submitLabel}
          loading={loading}
          submitDisabled={conflict.status === 'stale'}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
