import { Badge } from '@mantine/core';

/** A green or grey dot with a word; never truncated, since the word is the whole message. */
export function StatusBadge({ on, children }: { on: boolean; children: string }) {
  return (
    <Badge color={on ? 'green' : 'gray'} variant="dot" styles={{ label: { overflow: 'visible' } }}>
      {children}
    </Badge>
  );
}
