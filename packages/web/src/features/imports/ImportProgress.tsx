import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPhase } from '../../gql/graphql';
import { ImportCounts } from './ImportCounts';
import type { ImportJob } from './useImportJob';
import { useRowRate } from './useRowRate';

/** The phases a job goes through that have a bar; a dry run writes nothing, so it has no Writing bar. */
const BARS: readonly ImportPhase[] = ['READING', 'CHECKING', 'WRITING'];
const ORDER: readonly ImportPhase[] = ['QUEUED', 'READING', 'CHECKING', 'WRITING', 'DONE'];

/**
 * Step 3: one progress bar per phase (Reading file, Checking rows, Writing),
 * the current one filling as `processedRows` grows; rows per second and
 * the time left are the client's own estimate from the polls. The counts
 * so far are below. While the file is being read its row count is not
 * known yet, so that bar shows rows read, without a percentage. Checking
 * is one set-based pass over every row (minutes at a million rows) that
 * reports nothing until it ends, so its bar claims no share either and
 * shows no speed: a bar at "0 of 1,000,000 rows" looked stuck.
 */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { rate, secondsLeft } = useRowRate(job.phase, job.processedRows, job.phase === 'WRITING' ? job.totalRows : null);
  const current = ORDER.indexOf(job.phase);
  const bars = BARS.filter((phase) => phase !== 'WRITING' || !job.dryRun);

  return (
    <Stack gap="lg" aria-live="off">
      <Text fw={600} role="status">
        {t(job.status === 'QUEUED' ? 'imports.progress.queued' : job.dryRun ? 'imports.progress.checking' : 'imports.progress.importing')}
      </Text>
      {bars.map((phase) => {
        const index = ORDER.indexOf(phase);
        const done = current > index;
        const active = current === index;
        // Only writing counts rows towards a known total.
        const known = job.totalRows != null && phase === 'WRITING';
        const value = done ? 100 : active && known && job.totalRows! > 0 ? (100 * job.processedRows) / job.totalRows! : active && !known ? 100 : 0;
        const label = t(`imports.phases.${phase}` as 'imports.phases.READING');
        const rows = !active
          ? ''
          : known
            ? t('imports.progress.rowsOf', { done: job.processedRows, total: job.totalRows })
            : phase === 'CHECKING'
              ? t('imports.progress.checkingAll', { count: job.totalRows ?? 0 })
              : t('imports.progress.rowsRead', { count: job.processedRows });
        return (
          <Stack key={phase} gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={active ? 600 : 400}>
                {label}
              </Text>
              <Text size="sm" c="dimmed">
                {done ? t('imports.progress.done') : rows}
              </Text>
            </Group>
            <Progress.Root size="lg">
              {/* Our own ARIA values: Mantine's would claim 100% while the row count is unknown, and show no rows. */}
              <Progress.Section
                value={value}
                withAria={false}
                role="progressbar"
                aria-label={label}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={active && !known ? undefined : Math.round(value)}
                aria-valuetext={done ? t('imports.progress.done') : rows || t('imports.progress.waiting')}
                // While reading (the number of rows not known yet) and checking (one pass, no count), the bar moves without claiming a share.
                striped={active && !known}
                animated={active && !known}
              />
            </Progress.Root>
          </Stack>
        );
      })}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Text size="sm">{job.phase === 'CHECKING' ? '' : rate ? t('imports.progress.rate', { rate: Math.round(rate) }) : t('imports.progress.rateUnknown')}</Text>
        <Text size="sm">{secondsLeft == null ? '' : secondsLeft < 90 ? t('imports.progress.secondsLeft', { count: Math.ceil(secondsLeft) }) : t('imports.progress.minutesLeft', { count: Math.round(secondsLeft / 60) })}</Text>
      </SimpleGrid>
      <ImportCounts job={job} />
    </Stack>
  );
}
