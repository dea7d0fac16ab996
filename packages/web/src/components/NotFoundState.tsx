import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

interface NotFoundStateProps {
  title: string;
  body: string;
  /** Where to go instead, and what to call it. */
  back: { to: string; label: string };
}

/** A missing page or record: say so plainly and offer the way back. */
export function NotFoundState({ title, body, back }: NotFoundStateProps) {
  return (
    <Stack align="center" gap="sm" py={80} ta="center">
      <Text c="dimmed" fw={700} fz={48} lh={1} aria-hidden>
        404
      </Text>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{body}</Text>
      <Button component={Link} to={back.to} variant="light" mt="sm">
        {back.label}
      </Button>
    </Stack>
  );
}
