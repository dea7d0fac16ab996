import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  /** The submit button's text, e.g. "Create" or "Save". */
  submitLabel: string;
  loading: boolean;
  /** E.g. while a version conflict makes saving pointless until a reload. */
  submitDisabled?: boolean;
  onCancel: () => void;
}

/** The footer of a dialog's form: Cancel, then the submit button, at the end of the row. */
export function FormActions({ submitLabel, loading, submitDisabled, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('app.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
