import { useMutation } from '@apollo/client/react';
import type { Role } from '@cp/shared';
import {
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Stack,
  TextInput,
  type ComboboxItem,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../app/errors';
import { FormActions } from '../../../components/FormActions';
import { graphql } from '../../../gql';
import { RoleField } from '../RoleField';
import { ApiTokensQuery } from './ApiTokensQuery';

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      id
      token
    }
  }
`);

interface CreateApiTokenDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Roles the viewer may hand to a token. */
  roles: readonly Role[];
  teamOptions: ComboboxItem[];
}

export function CreateApiTokenDialog({ opened, onClose, roles, teamOptions }: CreateApiTokenDialogProps) {
  const { t } = useTranslation();
  // The secret lives only in this dialog's state: gone once it closes.
  const [secret, setSecret] = useState<string | null>(null);
  function close() {
    setSecret(null);
    onClose();
  }
  return (
    <Modal opened={opened} onClose={close} title={t('tokens.createTitle')} size="lg">
      {secret ? (
        <TokenSecret secret={secret} onDone={close} />
      ) : (
        <CreateTokenForm roles={roles} teamOptions={teamOptions} onCreated={setSecret} onCancel={close} />
      )}
    </Modal>
  );
}

interface CreateTokenFormProps {
  roles: readonly Role[];
  teamOptions: ComboboxItem[];
  onCreated: (secret: string) => void;
  onCancel: () => void;
}

function CreateTokenForm({ roles, teamOptions, onCreated, onCancel }: CreateTokenFormProps) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [createApiToken, { loading }] = useMutation(CreateApiTokenMutation, {
    refetchQueries: [ApiTokensQuery],
  });
  const form = useForm({
    mode: 'uncontrolled',
    // The least powerful role by default; every creator may grant it.
    initialValues: { name: '', role: 'AGENT' as Role, teamIds: [] as string[] },
    validate: { name: isNotEmpty(t('tokens.nameRequired')) },
  });

  async function handleSubmit(values: typeof form.values) {
    try {
      const { data } = await createApiToken({
        variables: { input: { ...values, name: values.name.trim() } },
      });
      if (data) onCreated(data.createApiToken.token);
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <TextInput
          label={t('tokens.name')}
          required
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <RoleField roles={roles} key={form.key('role')} {...form.getInputProps('role')} />
        <MultiSelect
          label={t('tokens.teams')}
          data={teamOptions}
          searchable
          clearable
          key={form.key('teamIds')}
          {...form.getInputProps('teamIds')}
        />
        <FormActions submitLabel={t('app.create')} loading={loading} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function TokenSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow">{t('tokens.secretHint')}</Alert>
      <TextInput
        label={t('tokens.secretLabel')}
        value={secret}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group justify="flex-end">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'green' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
            >
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('tokens.done')}</Button>
      </Group>
    </Stack>
  );
}
