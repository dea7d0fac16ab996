import { noteSegments } from '@cp/shared';
import { Anchor, Text } from '@mantine/core';

/**
 * A note as people wrote it: line breaks kept, http(s) and www. links
 * clickable (opening a new tab, telling the target nothing about us), and
 * everything else, markup included, as text. Built from elements only:
 * never HTML.
 */
export function NoteBody({ body }: { body: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {noteSegments(body).map((segment, i) =>
        segment.kind === 'link' ? (
          <Anchor key={i} href={segment.href} target="_blank" rel="noopener noreferrer nofollow" size="sm" underline="always">
            {segment.text}
          </Anchor>
        ) : (
          segment.text
        ),
      )}
    </Text>
  );
}
