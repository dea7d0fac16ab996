import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: Icon;
  title: string;
  body: string;
  /** A way forward, e.g. a link to where such things are made. */
  action?: ReactNode;
}

/** What a list shows when it has nothing yet: say so, and say how things arrive. */
export function EmptyState({ icon: IconComponent, title, body, action }: EmptyStateProps) {
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
        {action}
      </Stack>
    </Paper>
  );
}
