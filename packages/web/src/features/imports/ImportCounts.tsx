import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from './useImportJob';

const COUNTS = ['created', 'updated', 'unchanged', 'failed'] as const;

/**
 * The rows' outcomes. They are settled when the rows are checked, before
 * anything is written: a dry run says what an import would do ("Would be
 * created"), a running import what it is about to do ("To create"), and
 * one that has succeeded what it did ("Created").
 */
export function ImportCounts({ job }: { job: Pick<ImportJob, 'dryRun' | 'status' | (typeof COUNTS)[number]> }) {
  const { t } = useTranslation();
  const labels = job.dryRun ? 'wouldBe' : job.status === 'SUCCEEDED' ? 'done' : 'planned';
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
      {COUNTS.map((count) => (
        <Stack key={count} gap={0}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`imports.counts.${labels}.${count}`)}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700} c={count === 'failed' && job.failed > 0 ? 'var(--mantine-color-error)' : undefined}>
            {t('imports.counts.number', { count: job[count] })}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
