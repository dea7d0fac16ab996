import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface InlineEditActionsProps {
  loading: boolean;
  /** E.g. while a version conflict makes saving pointless until a reload. */
  saveDisabled?: boolean;
  onCancel: () => void;
}

/** Save and Cancel under an in-place editor (a detail value, a note): compact, Save first. */
export function InlineEditActions({ loading, saveDisabled, onCancel }: InlineEditActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button type="submit" size="compact-sm" loading={loading} disabled={saveDisabled}>
        {t('app.save')}
      </Button>
      <Button variant="default" size="compact-sm" onClick={onCancel}>
        {t('app.cancel')}
      </Button>
    </Group>
  );
}
