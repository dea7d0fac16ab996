import { useQuery } from '@apollo/client/react';
import { PERMISSIONS } from '@cp/shared';
import {
  Alert,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  type ComboboxItem,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ActionsTableHead } from '../../../components/ActionsTableHead';
import { QueryStatus } from '../../../components/QueryStatus';
import { useCan } from '../../auth/session';
import { AddAgentDialog } from './AddAgentDialog';
import { AgentRow } from './AgentRow';
import { AgentsAndTeamsQuery } from './AgentsAndTeamsQuery';
import { TeamDialog } from './TeamDialog';
import { TeamRow } from './TeamRow';

/** Settings → Agents & teams. The API refuses these operations to non-admins too. */
export function AgentsAndTeamsPage() {
  const { t } = useTranslation();
  const canManageAgents = useCan(PERMISSIONS.MANAGE_AGENTS);
  if (!canManageAgents) {
    return (
      <Alert icon={<IconLock aria-hidden />} title={t('settings.adminsOnlyTitle')}>
        {t('settings.adminsOnlyBody')}
      </Alert>
    );
  }
  return <AgentsAndTeams />;
}

function AgentsAndTeams() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(AgentsAndTeamsQuery);
  const [addingAgent, addAgent] = useDisclosure(false);
  const [creatingTeam, createTeam] = useDisclosure(false);

  if (!data) return <QueryStatus error={error} onRetry={refetch} />;

  // The dialogs' pickers offer what this query already holds.
  const agentOptions: ComboboxItem[] = data.agents.map((a) => ({ value: a.id, label: a.displayName }));
  const teamOptions: ComboboxItem[] = data.teams.map((team) => ({ value: team.id, label: team.name }));

  return (
    <Stack gap={40}>
      <section aria-labelledby="agents-heading">
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <Title order={2} size="h3" id="agents-heading">
              {t('agents.title')}
            </Title>
            <Badge variant="light" color="gray">
              {t('agents.count', { count: data.agents.length })}
            </Badge>
          </Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={addAgent.open}>
            {t('agents.add')}
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" highlightOnHover withTableBorder bg="white" aria-labelledby="agents-heading">
            <ActionsTableHead
              columns={[
                t('agents.name'),
                t('agents.email'),
                t('agents.role'),
                t('agents.teams'),
                t('agents.status'),
                t('agents.createdAt'),
              ]}
              actionsLabel={t('agents.actions')}
            />
            <Table.Tbody>
              {data.agents.map((agent) => (
                <AgentRow key={agent.id} agent={agent} teamOptions={teamOptions} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {data.agents.length === 0 && (
          <Text c="dimmed" mt="sm">
            {t('agents.empty')}
          </Text>
        )}
      </section>

      <section aria-labelledby="teams-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="teams-heading">
            {t('teams.title')}
          </Title>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createTeam.open}>
            {t('teams.create')}
          </Button>
        </Group>
        {data.teams.length === 0 ? (
          <Text c="dimmed">{t('teams.empty')}</Text>
        ) : (
          <Table verticalSpacing="sm" highlightOnHover withTableBorder bg="white" aria-labelledby="teams-heading">
            <ActionsTableHead columns={[t('teams.name'), t('teams.members')]} actionsLabel={t('agents.actions')} />
            <Table.Tbody>
              {data.teams.map((team) => (
                <TeamRow key={team.id} team={team} agentOptions={agentOptions} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <AddAgentDialog opened={addingAgent} onClose={addAgent.close} teamOptions={teamOptions} />
      <TeamDialog opened={creatingTeam} onClose={createTeam.close} agentOptions={agentOptions} />
    </Stack>
  );
}
