import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Badge, Button, Group, Table, Text, type ComboboxItem } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { TeamDialog } from './TeamDialog';

const TeamRowTeam = graphql(`
  fragment TeamRow_team on Team {
    id
    name
    members {
      id
      displayName
    }
    ...TeamDialog_team
  }
`);

interface TeamRowProps {
  team: FragmentType<typeof TeamRowTeam>;
  agentOptions: ComboboxItem[];
}

export function TeamRow({ team, agentOptions }: TeamRowProps) {
  const { t } = useTranslation();
  const [editing, edit] = useDisclosure(false);
  const { data, complete } = useFragment({ fragment: TeamRowTeam, fragmentName: 'TeamRow_team', from: team });
  if (!complete) return null;

  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500} size="sm">
          {data.name}
        </Text>
      </Table.Td>
      <Table.Td>
        {data.members.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('teams.noMembers')}
          </Text>
        ) : (
          <Group gap={4}>
            {data.members.map((member) => (
              <Badge key={member.id} variant="outline" color="gray" radius="sm">
                {member.displayName}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Group justify="flex-end">
          <Button size="compact-sm" variant="default" onClick={edit.open} aria-label={t('teams.editLabel', { name: data.name })}>
            {t('teams.edit')}
          </Button>
        </Group>
        <TeamDialog team={data} opened={editing} onClose={edit.close} agentOptions={agentOptions} />
      </Table.Td>
    </Table.Tr>
  );
}
