import { Badge, Group } from '@mantine/core';

/** Teams by name, as the settings tables list them: who an agent, a token or a field's audience covers. */
export function TeamBadges({ teams }: { teams: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <Group gap={4}>
      {teams.map((team) => (
        <Badge key={team.id} variant="light" radius="sm">
          {team.name}
        </Badge>
      ))}
    </Group>
  );
}
