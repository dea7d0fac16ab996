import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description?: string;
  /** Primary actions, shown on the right, or under the title when the screen is too narrow for both. */
  actions?: ReactNode;
}

/** The one h1 of a page, so every screen is announced and laid out the same way. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      {/* The title and description take the row's rest, but never less than a readable measure (a phone's
          width minus its margins): below it the actions move to a line of their own instead of squeezing
          the description into a column a few characters wide (which Japanese, wrapping anywhere, did). */}
      <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {/* The actions keep their size; when they are wider than the screen, they wrap onto further lines. */}
      {actions && <Box style={{ maxWidth: '100%' }}>{actions}</Box>}
    </Group>
  );
}
