import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keyset pages: the cursors that opened each page so far, so Previous can go
 * back without OFFSET. A new `scope` (other search, sort or filter) starts
 * again at page one.
 */
export function useCursorPages(scope: string) {
  const [state, setState] = useState<{ scope: string; cursors: string[] }>({ scope, cursors: [] });
  const cursors = state.scope === scope ? state.cursors : [];
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length + 1,
    next: (endCursor: string) => setState({ scope, cursors: [...cursors, endCursor] }),
    previous: () => setState({ scope, cursors: cursors.slice(0, -1) }),
  };
}

interface CursorPaginationProps {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
}

/** Props of a pager button that cannot act now: it looks and announces disabled but keeps the focus (a `disabled` one drops it to the page). */
const unavailable = (off: boolean) => (off ? { 'data-disabled': true, 'aria-disabled': true } : {});

/**
 * Previous and Next for `useCursorPages`. `pageInfo` is undefined while a
 * page loads: the pager then stays as it was drawn, its Next unavailable,
 * so the focus stays on the button just pressed (found by fresh-eyes QA:
 * Next went disabled, then the pager vanished, and the focus fell to the page).
 */
export function CursorPagination({ pages, pageInfo }: CursorPaginationProps) {
  const { t } = useTranslation();
  const endCursor = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  const drawn = useRef(false);
  drawn.current = pageInfo === undefined ? drawn.current : pages.page > 1 || endCursor !== null;
  if (!drawn.current) return null;
  return (
    <Group justify="space-between" component="nav" aria-label={t('pagination.label')}>
      <Text size="sm" c="dimmed">
        {t('pagination.page', { page: pages.page })}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} aria-hidden />}
          {...unavailable(pages.page === 1)}
          onClick={() => pages.page > 1 && pages.previous()}
        >
          {t('pagination.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} aria-hidden />}
          {...unavailable(!endCursor)}
          onClick={() => endCursor && pages.next(endCursor)}
        >
          {t('pagination.next')}
        </Button>
      </Group>
    </Group>
  );
}
