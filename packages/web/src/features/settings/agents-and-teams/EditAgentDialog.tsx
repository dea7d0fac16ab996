import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import type { Role } from '@cp/shared';
import { Modal, MultiSelect, Stack, TextInput, type ComboboxItem } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../../app/dialog-action';
import { FormActions } from '../../../components/FormActions';
import { graphql } from '../../../gql';
import { RoleField } from '../RoleField';
import { AgentsAndTeamsQuery } from './AgentsAndTeamsQuery';

const EditAgentDialogAgent = graphql(`
  fragment EditAgentDialog_agent on Agent {
    id
    version
    displayName
    role
    teams {
      id
    }
  }
`);

const UpdateAgentMutation = graphql(`
  mutation UpdateAgent($input: UpdateAgentInput!) {
    updateAgent(input: $input) {
      id
    }
  }
`);

interface EditAgentDialogProps {
  agent: FragmentType<typeof EditAgentDialogAgent>;
  isSelf: boolean;
  opened: boolean;
  onClose: () => void;
  teamOptions: ComboboxItem[];
}

export function EditAgentDialog({ agent, isSelf, opened, onClose, teamOptions }: EditAgentDialogProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({
    fragment: EditAgentDialogAgent,
    fragmentName: 'EditAgentDialog_agent',
    from: agent,
  });
  if (!complete) return null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('agents.editTitle', { name: data.displayName })}
      size="lg"
    >
      {/* Mounted only while open, so the form always starts from the saved values. */}
      <EditAgentForm
        initial={{
          displayName: data.displayName,
          role: data.role,
          teamIds: data.teams.map((team) => team.id),
        }}
        id={data.id}
        version={data.version}
        isSelf={isSelf}
        onDone={onClose}
        teamOptions={teamOptions}
      />
    </Modal>
  );
}

interface EditAgentFormProps {
  id: string;
  /** The version the form started from: another admin's change since then is a CONFLICT, not overwritten. */
  version: number;
  initial: { displayName: string; role: Role; teamIds: string[] };
  isSelf: boolean;
  onDone: () => void;
  teamOptions: ComboboxItem[];
}

function EditAgentForm({ id, version, initial, isSelf, onDone, teamOptions }: EditAgentFormProps) {
  const { t } = useTranslation();
  const run = useDialogAction(onDone);
  // Team membership shows in both lists on the page, so reload them together.
  const [updateAgent, { loading }] = useMutation(UpdateAgentMutation, {
    refetchQueries: [AgentsAndTeamsQuery],
    awaitRefetchQueries: true,
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: initial,
    validate: { displayName: isNotEmpty(t('agents.displayNameRequired')) },
  });

  async function handleSubmit(values: typeof form.values) {
    const displayName = values.displayName.trim();
    await run(async () => {
      await updateAgent({
        variables: {
          input: {
            id,
            expectedVersion: version,
            displayName,
            // Left out for oneself: an admin demoting themselves could lock the desk out of Settings.
            role: isSelf ? undefined : values.role,
            teamIds: values.teamIds,
          },
        },
      });
      return t('agents.saved', { name: displayName });
    });
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <TextInput
          label={t('agents.displayName')}
          required
          data-autofocus
          key={form.key('displayName')}
          {...form.getInputProps('displayName')}
        />
        <RoleField
          disabled={isSelf}
          description={isSelf ? t('agents.ownRole') : undefined}
          key={form.key('role')}
          {...form.getInputProps('role')}
        />
        <MultiSelect
          label={t('agents.teams')}
          data={teamOptions}
          searchable
          clearable
          key={form.key('teamIds')}
          {...form.getInputProps('teamIds')}
        />
        <FormActions submitLabel={t('app.save')} loading={loading} onCancel={onDone} />
      </Stack>
    </form>
  );
}
