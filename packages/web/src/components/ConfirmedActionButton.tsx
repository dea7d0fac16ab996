import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../app/dialog-action';

interface ConfirmedActionButtonProps {
  /** The small red button's text, and its accessible name (which names its target: "Remove Zoë from Acme"). */
  label: string;
  accessibleName: string;
  /** The question: the dialog's title, what it will do, and the confirming button's text. */
  title: string;
  body: string;
  confirmLabel: string;
  loading: boolean;
  /** Does it; resolves to the message shown once done (refusals are shown by `useDialogAction`). */
  action: () => Promise<string>;
}

/** A destructive action on one row (revoke, delete, remove) that asks first, in a dialog with Cancel. */
export function ConfirmedActionButton({ label, accessibleName, title, body, confirmLabel, loading, action }: ConfirmedActionButtonProps) {
  const { t } = useTranslation();
  const [confirming, confirm] = useDisclosure(false);
  const run = useDialogAction(confirm.close);
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={confirm.open} aria-label={accessibleName}>
        {label}
      </Button>
      <Modal opened={confirming} onClose={confirm.close} title={title}>
        <Text size="sm">{body}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('app.cancel')}
          </Button>
          <Button color="red" loading={loading} onClick={() => void run(action)}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
