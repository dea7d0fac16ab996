import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import type { ImportJobQuery as ImportJobData } from '../../gql/graphql';
import { ERRORS_PAGE_SIZE, ImportJobQuery } from './import-job.query';

/** How often a running job is asked for its progress. */
const POLL_MS = 500;

export type ImportJob = NonNullable<ImportJobData['importJob']>;

/** Whether a job has ended (nothing changes after that). */
export const isFinished = (job: Pick<ImportJob, 'status'>): boolean => job.status === 'SUCCEEDED' || job.status === 'FAILED';

/**
 * Follows an import job: polls `importJob` every 500 ms until it has
 * SUCCEEDED or FAILED, then stops. Answers the query's result (for
 * `fetchMore` of the row errors) and the job (undefined before the first
 * answer; null when the id names no job of this viewer).
 */
export function useImportJob(id: string | null) {
  const variables = { id: id ?? '', first: ERRORS_PAGE_SIZE };
  const query = useQuery(ImportJobQuery, { variables, skip: !id, pollInterval: POLL_MS, fetchPolicy: 'network-only' });
  const job = query.data?.importJob;
  const finished = job ? isFinished(job) : false;
  const { stopPolling } = query;
  useEffect(() => {
    if (finished) stopPolling();
  }, [finished, stopPolling]);
  return { query, variables, job };
}
