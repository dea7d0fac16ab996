import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ResultCountProps {
  /** The list's connection; nothing shows until the first page is in. */
  connection: { totalCount: number; totalCountIsExact: boolean } | undefined;
  noun: 'customers' | 'organizations';
}

/** "2,000 customers", or "1,000+ customers" when the server stopped counting at its cap. */
export function ResultCount({ connection, noun }: ResultCountProps) {
  const { t } = useTranslation();
  return (
    // Reserves its line so the table below does not jump when the count arrives.
    <Text size="sm" c="dimmed" aria-live="polite" mih="1.5em">
      {connection &&
        t(connection.totalCountIsExact ? `${noun}.count` : `${noun}.countAtLeast`, { count: connection.totalCount })}
    </Text>
  );
}
