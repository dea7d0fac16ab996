import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddCustomersForm, type AddCustomersOutcome } from './AddCustomersForm';
import { AddCustomersResults } from './AddCustomersResults';

interface AddCustomersDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Chosen in advance when adding from an organization's page. */
  organization?: { id: string; name: string };
}

/** Paste emails or usernames, optionally into an organization; then see what happened to each. */
export function AddCustomersDialog({ opened, onClose, organization }: AddCustomersDialogProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<AddCustomersOutcome | null>(null);
  function close() {
    setOutcome(null);
    onClose();
  }
  return (
    <Modal opened={opened} onClose={close} title={t('addCustomers.title')} size="lg">
      {/* Mounted only while open, so every opening starts from an empty form. */}
      {outcome ? (
        <AddCustomersResults outcome={outcome} onAddMore={() => setOutcome(null)} onDone={close} />
      ) : (
        <AddCustomersForm organization={organization} onAdded={setOutcome} onCancel={close} />
      )}
    </Modal>
  );
}
