import { useMutation } from '@apollo/client/react';
import { MIN_PASSWORD_LENGTH, type Role } from '@cp/shared';
import { Modal, MultiSelect, Stack, TextInput, type ComboboxItem } from '@mantine/core';
import { hasLength, isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../../app/dialog-action';
import { FormActions } from '../../../components/FormActions';
import { PasswordField } from '../../../components/PasswordField';
import { graphql } from '../../../gql';
import { RoleField } from '../RoleField';
import { AgentsAndTeamsQuery } from './AgentsAndTeamsQuery';

const CreateAgentMutation = graphql(`
  mutation CreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      id
      displayName
    }
  }
`);

interface AddAgentDialogProps {
  opened: boolean;
  onClose: () => void;
  teamOptions: ComboboxItem[];
}

export function AddAgentDialog({ opened, onClose, teamOptions }: AddAgentDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('agents.addTitle')} size="lg">
      {/* Mounted only while open, so every opening starts from an empty form. */}
      <AddAgentForm onDone={onClose} teamOptions={teamOptions} />
    </Modal>
  );
}

function AddAgentForm({ onDone, teamOptions }: { onDone: () => void; teamOptions: ComboboxItem[] }) {
  const { t } = useTranslation();
  const run = useDialogAction(onDone);
  const [createAgent, { loading }] = useMutation(CreateAgentMutation, {
    refetchQueries: [AgentsAndTeamsQuery],
    awaitRefetchQueries: true,
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      email: '',
      displayName: '',
      password: '',
      role: 'AGENT' as Role,
      teamIds: [] as string[],
    },
    validate: {
      email: isEmail(t('auth.emailInvalid')),
      displayName: isNotEmpty(t('agents.displayNameRequired')),
      password: hasLength(
        { min: MIN_PASSWORD_LENGTH },
        t('agents.passwordTooShort', { min: MIN_PASSWORD_LENGTH }),
      ),
    },
  });

  async function handleSubmit(values: typeof form.values) {
    await run(async () => {
      const { data } = await createAgent({
        variables: {
          input: { ...values, email: values.email.trim(), displayName: values.displayName.trim() },
        },
      });
      return data && t('agents.created', { name: data.createAgent.displayName });
    });
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <TextInput
          label={t('agents.email')}
          type="email"
          autoComplete="off"
          required
          data-autofocus
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('agents.displayName')}
          required
          key={form.key('displayName')}
          {...form.getInputProps('displayName')}
        />
        <PasswordField
          label={t('agents.password')}
          autoComplete="new-password"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <RoleField key={form.key('role')} {...form.getInputProps('role')} />
        <MultiSelect
          label={t('agents.teams')}
          data={teamOptions}
          searchable
          clearable
          key={form.key('teamIds')}
          {...form.getInputProps('teamIds')}
        />
        <FormActions submitLabel={t('app.create')} loading={loading} onCancel={onDone} />
      </Stack>
    </form>
  );
}
