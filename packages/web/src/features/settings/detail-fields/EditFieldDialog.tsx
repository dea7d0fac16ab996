import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { cleanLabel, typeHasOptions } from '@cp/shared';
import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../../app/dialog-action';
import { ConflictAlert, useVersionConflict } from '../../../components/ConflictAlert';
import { FormActions } from '../../../components/FormActions';
import { graphql } from '../../../gql';
import type { EditFieldDialog_FieldFragment } from '../../../gql/graphql';
import { useFieldFormError } from './form-errors';
import { useProblemText } from '../../../app/problems';
import { optionChanges, optionDraftsOf, removedOptions } from './option-drafts';
import { OptionsEditor } from './OptionsEditor';
import { useRemovalCount } from './useRemovalCount';
import { useUpdateDetailField } from './useUpdateDetailField';

const EditFieldDialogField = graphql(`
  fragment EditFieldDialog_field on DetailField {
    id
    label
    type
    scope
    options
    version
  }
`);

interface EditFieldDialogProps {
  field: FragmentType<typeof EditFieldDialogField>;
  opened: boolean;
  onClose: () => void;
}

export function EditFieldDialog({ field, opened, onClose }: EditFieldDialogProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: EditFieldDialogField, fragmentName: 'EditFieldDialog_field', from: field });
  if (!complete) return null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('detailFields.editTitle', { label: data.label })} size="lg">
      {/* Mounted only while open, so the form starts from the saved field. */}
      <EditFieldForm saved={data} onDone={onClose} />
    </Modal>
  );
}

/** `saved` follows the cache: after a conflict and reload, the next save sends the latest version. */
function EditFieldForm({ saved, onDone }: { saved: EditFieldDialog_FieldFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const fieldFormError = useFieldFormError();
  const problemText = useProblemText();
  const run = useDialogAction(onDone);
  const conflict = useVersionConflict();
  const [updateField, { loading }] = useUpdateDetailField();
  const hasOptions = typeHasOptions(saved.type);
  const form = useForm({
    initialValues: { label: saved.label, options: optionDraftsOf(saved.options) },
    validate: {
      label: (value) => (cleanLabel(value).ok ? null : t('detailFields.labelInvalid')),
      options: (value) => {
        if (!hasOptions) return null;
        const changes = optionChanges(value);
        return changes.ok ? null : t('detailFields.optionsInvalid', { reason: problemText(changes.problem) });
      },
    },
  });
  const removed = hasOptions ? removedOptions(saved.options, form.values.options) : [];
  const removalCount = useRemovalCount(saved, removed);

  async function handleSubmit(values: typeof form.values) {
    const label = cleanLabel(values.label);
    const options = optionChanges(values.options);
    const optionsChanged = hasOptions && options.ok && (options.renames.length > 0 || JSON.stringify(options.options) !== JSON.stringify(saved.options));
    await run(
      async () => {
        await updateField({
          variables: {
            input: {
              id: saved.id,
              expectedVersion: saved.version,
              // Only what changed, so an unchanged list never rewrites stored values.
              label: label.ok && label.label !== saved.label ? label.label : undefined,
              options: optionsChanged ? options.options : undefined,
              optionRenames: optionsChanged && options.renames.length > 0 ? options.renames : undefined,
            },
          },
        });
        return t('detailFields.saved', { label: values.label.trim() });
      },
      (error) => {
        if (conflict.caught(error)) return true;
        const refusal = fieldFormError(error);
        if (!refusal || refusal.part === 'audiences') return false;
        form.setFieldError(refusal.part, refusal.message);
        return true;
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <ConflictAlert conflict={conflict} title={t('detailFields.conflictTitle')} />
        <TextInput label={t('detailFields.label')} required data-autofocus {...form.getInputProps('label')} />
        {hasOptions && (
          <OptionsEditor
            value={form.values.options}
            onChange={(options) => form.setFieldValue('options', options)}
            error={form.errors.options as string | undefined}
          />
        )}
        {removed.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t('detailFields.removedTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('detailFields.removedBody', { options: removed.join(', ') })}</Text>
              <Text size="sm" fw={600} role="status">
                {removalCount === null
                  ? t('detailFields.removedCounting')
                  : t(saved.type === 'MULTI_SELECT' ? 'detailFields.removedCountMulti' : 'detailFields.removedCount', { count: removalCount })}
              </Text>
            </Stack>
          </Alert>
        )}
        <FormActions
          submitLabel={t('app.save')}
          loading={loading}
          // The admin sees how many values a removal changes before saving it.
          submitDisabled={conflict.status === 'stale' || (removed.length > 0 && removalCount === null)}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
