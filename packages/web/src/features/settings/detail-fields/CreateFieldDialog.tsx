import { useMutation } from '@apollo/client/react';
import { DETAIL_FIELD_TYPES, cleanLabel, typeHasOptions, type DetailFieldScope, type DetailFieldType } from '@cp/shared';
import { Modal, Select, Stack, TextInput, type ComboboxItem } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../../app/dialog-action';
import { FormActions } from '../../../components/FormActions';
import { graphql } from '../../../gql';
import { AudienceFields } from './AudienceFields';
import { EVERY_AGENT, audienceInputs } from './audiences';
import { refetchFieldList } from './DetailFieldsQuery';
import { useFieldFormError } from './form-errors';
import { useProblemText } from '../../../app/problems';
import { newOption, optionChanges } from './option-drafts';
import { OptionsEditor } from './OptionsEditor';

const CreateDetailFieldMutation = graphql(`
  mutation CreateDetailField($input: CreateDetailFieldInput!) {
    createDetailField(input: $input) {
      id
      label
    }
  }
`);

interface CreateFieldDialogProps {
  scope: DetailFieldScope;
  opened: boolean;
  onClose: () => void;
  teams: ComboboxItem[];
}

export function CreateFieldDialog({ scope, opened, onClose, teams }: CreateFieldDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('detailFields.createTitle')} size="lg">
      {/* Mounted only while open, so every opening starts from an empty form. */}
      <CreateFieldForm scope={scope} onDone={onClose} teams={teams} />
    </Modal>
  );
}

function CreateFieldForm({ scope, onDone, teams }: { scope: DetailFieldScope; onDone: () => void; teams: ComboboxItem[] }) {
  const { t } = useTranslation();
  const fieldFormError = useFieldFormError();
  const problemText = useProblemText();
  const run = useDialogAction(onDone);
  const [createField, { loading }] = useMutation(CreateDetailFieldMutation, refetchFieldList);
  const form = useForm({
    initialValues: { label: '', type: 'TEXT' as DetailFieldType, options: [newOption()], audiences: EVERY_AGENT },
    validate: {
      // The same rules as the API (shared), checked before sending.
      label: (value) => (cleanLabel(value).ok ? null : t('detailFields.labelInvalid')),
      options: (value, values) => {
        if (!typeHasOptions(values.type)) return null;
        const changes = optionChanges(value);
        return changes.ok ? null : t('detailFields.optionsInvalid', { reason: problemText(changes.problem) });
      },
    },
  });
  const hasOptions = typeHasOptions(form.values.type);

  async function handleSubmit(values: typeof form.values) {
    // Options typed before switching to a type without options are not sent.
    const options = typeHasOptions(values.type) ? optionChanges(values.options) : null;
    await run(
      async () => {
        const { data } = await createField({
          variables: {
            input: {
              label: values.label,
              type: values.type,
              scope,
              options: options?.ok ? options.options : undefined,
              ...audienceInputs(values.audiences),
            },
          },
        });
        return t('detailFields.created', { label: data?.createDetailField.label });
      },
      (error) => {
        const refusal = fieldFormError(error);
        if (!refusal) return false;
        form.setFieldError(refusal.part, refusal.message);
        return true;
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <TextInput label={t('detailFields.label')} required data-autofocus {...form.getInputProps('label')} />
        <Select
          label={t('detailFields.type')}
          description={t('detailFields.typeFixed')}
          required
          allowDeselect={false}
          data={DETAIL_FIELD_TYPES.map((type) => ({ value: type, label: t(`detailFields.types.${type}`) }))}
          {...form.getInputProps('type')}
        />
        {hasOptions && (
          <OptionsEditor
            value={form.values.options}
            onChange={(options) => form.setFieldValue('options', options)}
            error={form.errors.options as string | undefined}
          />
        )}
        <AudienceFields
          value={form.values.audiences}
          onChange={(audiences) => form.setFieldValue('audiences', audiences)}
          teams={teams}
          error={form.errors.audiences as string | undefined}
        />
        <FormActions submitLabel={t('app.create')} loading={loading} onCancel={onDone} />
      </Stack>
    </form>
  );
}
