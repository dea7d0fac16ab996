import { isProblem } from '@cp/shared';
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMorePages } from '../../app/more-pages';
import { toLanguage } from '../../app/i18n/languages';
import { useProblemText } from '../../app/problems';
import { errorsCsvUrl } from './import-api';
import { ImportCounts } from './ImportCounts';
import type { ImportJob, useImportJob } from './useImportJob';

/** A dry run that found bad rows when the import would stop at the first: importing it would write nothing. */
export const wouldAbort = (job: Pick<ImportJob, 'dryRun' | 'status' | 'onError' | 'failed'>): boolean =>
  job.dryRun && job.status === 'SUCCEEDED' && job.onError === 'abort' && job.failed > 0;

/** Whether a failure's text names its line: a reason with a `line` param does. */
const saysLine = (failure: { problem?: { reason: string; params: unknown } | null }): boolean =>
  failure.problem != null && isProblem(failure.problem) && typeof failure.problem.params === 'object' && failure.problem.params !== null && 'line' in failure.problem.params;

interface ImportResultProps {
  job: ImportJob;
  /** The job's query, for "Load more" of its row errors. */
  followed: ReturnType<typeof useImportJob>;
  /** Buttons that lead on: Import after a dry run, Show customers after an import... */
  actions: ReactNode;
}

/**
 * A run's result (step 3 for a check, step 4 for an import): what the run did (or, for a dry run, would do), a failed job's
 * reason, and the row errors (line, column, value, why) a page at a time,
 * also as a CSV download.
 */
export function ImportResult({ job, followed, actions }: ImportResultProps) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const more = useMorePages<HTMLTableRowElement>('importJob', 'errors');
  const errors = job.errors;
  // A problem the web cannot translate (a reason newer than this build) is said as the API wrote it.
  const said = (item: { message: string; problem?: { reason: string; params: unknown } | null }) => (item.problem && isProblem(item.problem) ? problemText(item.problem) : item.message);

  return (
    <Stack gap="lg">
      {wouldAbort(job) ? (
        <Alert color="red" role="alert" title={t('imports.result.checkFailed')}>
          {t('imports.result.wouldAbort', { count: job.failed })}
        </Alert>
      ) : job.status === 'FAILED' ? (
        <Alert color="red" role="alert" title={t(job.dryRun ? 'imports.result.checkFailed' : 'imports.result.failed')}>
          {job.failure ? said(job.failure) : t('imports.result.failedUnknown')}
          {/* A translated reason with a line says it already. */}
          {job.failure?.line != null && !saysLine(job.failure) && (
            <Text size="sm" mt={4}>
              {t('imports.result.atLine', { line: job.failure.line })}
            </Text>
          )}
        </Alert>
      ) : (
        <Alert color={job.failed > 0 ? 'yellow' : 'teal'} role="status" title={t(job.dryRun ? 'imports.result.checked' : 'imports.result.imported')}>
          {t(job.dryRun ? 'imports.result.checkedBody' : 'imports.result.importedBody', { count: job.totalRows ?? 0 })}
        </Alert>
      )}
      <ImportCounts job={job} />

      {errors.totalCount > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h4" id="import-errors-title">
              {t('imports.result.errorsTitle', { count: errors.totalCount })}
            </Title>
            <Button component="a" href={errorsCsvUrl(job.id, toLanguage(i18n.resolvedLanguage))} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              {t('imports.result.downloadErrors')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder verticalSpacing="xs" aria-labelledby="import-errors-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="1%">{t('imports.result.line')}</Table.Th>
                  <Table.Th>{t('imports.result.column')}</Table.Th>
                  <Table.Th>{t('imports.result.value')}</Table.Th>
                  <Table.Th>{t('imports.result.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.edges.map(({ cursor, node }, index) => (
                  <Table.Tr key={cursor} ref={more.refAt(index)} tabIndex={more.refAt(index) ? -1 : undefined}>
                    <Table.Td>{node.line}</Table.Td>
                    <Table.Td>{node.column ?? ''}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{node.value ?? ''}</Table.Td>
                    <Table.Td>{said(node)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {errors.pageInfo.hasNextPage && (
            <Group>
              <Button variant="default" aria-busy={more.loading} onClick={() => more.loadMore(followed.query, followed.variables, errors)}>
                {t('imports.result.loadMore', { shown: errors.edges.length, total: errors.totalCount })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <Group>{actions}</Group>
    </Stack>
  );
}
