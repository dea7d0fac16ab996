import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  loading: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  /** Runs once the dialog has faded out (the caller returns the focus: the dialog's own return is off). */
  onClosed: () => void;
}

/**
 * ConfirmedActionButton's question, with Cancel and a red confirming button;
 * a module of its own so that Modal's code downloads at the first question,
 * not with every list of rows that may ask one.
 */
export function ConfirmDialog({ opened, title, body, confirmLabel, loading, onCancel, onConfirm, onClosed }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} returnFocus={false} onExitTransitionEnd={onClosed}>
      <Text size="sm">{body}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
        <Button color="red" loading={loading} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
