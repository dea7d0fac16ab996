import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useErrorInfo, useNotifyError } from '../app/errors';
import { ConflictAlert, useFollowSavedValues, useSavedValueHint, useVersionConflict } from './ConflictAlert';
import { FormActions } from './FormActions';

interface NameFormProps {
  /** The field's label, its message when left empty, and the title of a version conflict. */
  texts: { label: string; required: string; conflictTitle: string };
  /** The name as saved; for a rename it follows the cache, so a reload updates it. */
  savedName: string;
  submitLabel: string;
  loading: boolean;
  /** Saves the trimmed name; a rejection is the API's error, shown here. */
  onSubmit: (name: string) => Promise<unknown>;
  onCancel: () => void;
}

/** Naming a record (an organization, a product), for creating and renaming alike. */
export function NameForm({ texts, savedName, submitLabel, loading, onSubmit, onCancel }: NameFormProps) {
  const notifyError = useNotifyError();
  const describeError = useErrorInfo();
  const conflict = useVersionConflict();
  const savedHint = useSavedValueHint(conflict);
  const form = useForm({
    initialValues: { name: savedName },
    validate: { name: (value) => (value.trim() ? null : texts.required) },
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
        <ConflictAlert conflict={conflict} title={texts.conflictTitle} />
        <TextInput
          label={texts.label}
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
