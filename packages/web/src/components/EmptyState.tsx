import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface EmptyStateProps {
  icon: Icon;
  title: string;
  body: string;
}

/** What a list shows when it has nothing yet: say so, and say how things arrive. */
export function EmptyState({ icon: IconComponent, title, body }: EmptyStateProps) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="xs" py="xl" ta="center">
        <ThemeIcon variant="light" size={48} radius="xl" aria-hidden>
          <IconComponent size={26} />
        </ThemeIcon>
        <Text fw={600} size="lg">
          {title}
        </Text>
        <Text c="dimmed" maw={420}>
          {body}
        </Text>
      </Stack>
    </Paper>
  );
}
