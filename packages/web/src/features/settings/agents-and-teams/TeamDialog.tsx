import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { Modal, MultiSelect, Stack, TextInput, type ComboboxItem } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../../app/dialog-action';
import { FormActions } from '../../../components/FormActions';
import { graphql } from '../../../gql';
import { AgentsAndTeamsQuery } from './AgentsAndTeamsQuery';

const TeamDialogTeam = graphql(`
  fragment TeamDialog_team on Team {
    id
    name
    version
    members {
      id
    }
  }
`);

const CreateTeamMutation = graphql(`
  mutation CreateTeam($name: String!, $memberIds: [ID!]) {
    createTeam(name: $name, memberIds: $memberIds) {
      id
    }
  }
`);

const RenameTeamMutation = graphql(`
  mutation RenameTeam($id: ID!, $name: String!, $expectedVersion: Int) {
    renameTeam(id: $id, name: $name, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

const SetTeamMembersMutation = graphql(`
  mutation SetTeamMembers($teamId: ID!, $memberIds: [ID!]!, $expectedVersion: Int) {
    setTeamMembers(teamId: $teamId, memberIds: $memberIds, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

// Membership shows on agents' rows too, so both lists reload after any change.
const refetch = { refetchQueries: [AgentsAndTeamsQuery], awaitRefetchQueries: true };

interface TeamDialogProps {
  /** The team to edit; without one the dialog creates a team. */
  team?: FragmentType<typeof TeamDialogTeam>;
  opened: boolean;
  onClose: () => void;
  agentOptions: ComboboxItem[];
}

export function TeamDialog({ team, opened, onClose, agentOptions }: TeamDialogProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({
    fragment: TeamDialogTeam,
    fragmentName: 'TeamDialog_team',
    from: team ?? null,
  });
  const existing = team && complete ? data : undefined;
  if (team && !existing) return null;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={existing ? t('teams.editTitle', { name: existing.name }) : t('teams.createTitle')}
    >
      {/* Mounted only while open, so the form always starts from the saved values. */}
      <TeamForm
        existing={
          existing && {
            id: existing.id,
            name: existing.name,
            version: existing.version,
            memberIds: existing.members.map((member) => member.id),
          }
        }
        onDone={onClose}
        agentOptions={agentOptions}
      />
    </Modal>
  );
}

interface TeamFormProps {
  existing?: { id: string; name: string; version: number; memberIds: string[] };
  onDone: () => void;
  agentOptions: ComboboxItem[];
}

function TeamForm({ existing, onDone, agentOptions }: TeamFormProps) {
  const { t } = useTranslation();
  const run = useDialogAction(onDone);
  const [createTeam, creating] = useMutation(CreateTeamMutation, refetch);
  const [renameTeam, renaming] = useMutation(RenameTeamMutation, refetch);
  const [setTeamMembers, settingMembers] = useMutation(SetTeamMembersMutation, refetch);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: existing?.name ?? '', memberIds: existing?.memberIds ?? [] },
    validate: { name: isNotEmpty(t('teams.nameRequired')) },
  });

  async function save(name: string, memberIds: string[]) {
    if (!existing) {
      await createTeam({ variables: { name, memberIds } });
      return t('teams.created', { name });
    }
    // Two separate mutations in the API: send only what actually changed. Each carries the version
    // this dialog started from (moved on by our own rename), so another admin's change is a CONFLICT.
    let version = existing.version;
    if (name !== existing.name) {
      const renamed = await renameTeam({ variables: { id: existing.id, name, expectedVersion: version } });
      version = renamed.data?.renameTeam.version ?? version + 1;
    }
    const before = new Set(existing.memberIds);
    const sameMembers = memberIds.length === before.size && memberIds.every((id) => before.has(id));
    if (!sameMembers) await setTeamMembers({ variables: { teamId: existing.id, memberIds, expectedVersion: version } });
    return t('teams.saved', { name });
  }

  async function handleSubmit(values: typeof form.values) {
    await run(() => save(values.name.trim(), values.memberIds));
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <TextInput
          label={t('teams.name')}
          required
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <MultiSelect
          label={t('teams.members')}
          data={agentOptions}
          searchable
          clearable
          key={form.key('memberIds')}
          {...form.getInputProps('memberIds')}
        />
        <FormActions
          submitLabel={existing ? t('app.save') : t('app.create')}
          loading={creating.loading || renaming.loading || settingMembers.loading}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
