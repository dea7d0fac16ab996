import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { Button, Group, Table, Text, type ComboboxItem } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../app/errors';
import { useFormat } from '../../../app/i18n/format';
import { StatusBadge } from '../../../components/StatusBadge';
import { graphql } from '../../../gql';
import { useViewer } from '../../auth/session';
import { TeamBadges } from '../TeamBadges';
import { EditAgentDialog } from './EditAgentDialog';

const AgentRowAgent = graphql(`
  fragment AgentRow_agent on Agent {
    id
    displayName
    email
    role
    active
    createdAt
    teams {
      id
      name
    }
    ...EditAgentDialog_agent
  }
`);

// Only the flag changes, and the cache updates the row from the returned object.
const SetAgentActiveMutation = graphql(`
  mutation SetAgentActive($id: ID!, $active: Boolean!) {
    updateAgent(input: { id: $id, active: $active }) {
      id
      active
    }
  }
`);

interface AgentRowProps {
  agent: FragmentType<typeof AgentRowAgent>;
  teamOptions: ComboboxItem[];
}

export function AgentRow({ agent, teamOptions }: AgentRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const notifyError = useNotifyError();
  const [editing, edit] = useDisclosure(false);
  const fragment = useFragment({ fragment: AgentRowAgent, fragmentName: 'AgentRow_agent', from: agent });
  const [setActive, { loading }] = useMutation(SetAgentActiveMutation);

  if (!fragment.complete) return null;
  const data = fragment.data;
  // Signing in makes the viewer an agent with the same id; locking oneself out helps no one.
  const isSelf = data.id === viewer.id;

  async function toggleActive() {
    try {
      await setActive({ variables: { id: data.id, active: !data.active } });
      notifications.show({
        color: 'green',
        message: t(data.active ? 'agents.deactivated' : 'agents.reactivated', { name: data.displayName }),
      });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Table.Tr c={data.active ? undefined : 'dimmed'}>
      <Table.Td>
        <Text fw={500} size="sm">
          {data.displayName}
          {isSelf && (
            <Text span c="dimmed" size="sm">
              {' '}
              ({t('agents.you')})
            </Text>
          )}
        </Text>
      </Table.Td>
      <Table.Td>{data.email}</Table.Td>
      <Table.Td>{t(`roles.${data.role}`)}</Table.Td>
      <Table.Td>
        {data.teams.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('agents.noTeams')}
          </Text>
        ) : (
          <TeamBadges teams={data.teams} />
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge on={data.active}>{t(data.active ? 'agents.active' : 'agents.inactive')}</StatusBadge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={data.createdAt}>{format.date(data.createdAt)}</time>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={edit.open} aria-label={t('agents.editLabel', { name: data.displayName })}>
            {t('agents.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color={data.active ? 'red' : 'green'}
            loading={loading}
            disabled={isSelf}
            onClick={() => void toggleActive()}
            aria-label={t(data.active ? 'agents.deactivateLabel' : 'agents.reactivateLabel', { name: data.displayName })}
          >
            {t(data.active ? 'agents.deactivate' : 'agents.reactivate')}
          </Button>
        </Group>
        <EditAgentDialog
          agent={data}
          isSelf={isSelf}
          opened={editing}
          onClose={edit.close}
          teamOptions={teamOptions}
        />
      </Table.Td>
    </Table.Tr>
  );
}
