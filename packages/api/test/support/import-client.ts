import type { GraphQLTestClient } from './graphql-client';

/** A job as tests read it: counts, failure, and its first 200 errors. */
export const IMPORT_JOB = `query($id: ID!, $after: String) { importJob(id: $id) {
  id kind dryRun onError status phase totalRows processedRows created updated unchanged failed encoding delimiter dateFormat
  failure { message line problem { reason params } }
  errors(first: 200, after: $after) { totalCount edges { node { line column value message problem { reason params } } } pageInfo { hasNextPage endCursor } }
} }`;

/** POSTs a file to `<baseUrl>/api/imports` as this client (its session cookie or bearer token). */
export function uploadImport(baseUrl: string, client: GraphQLTestClient, body: string | Buffer, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const search = new URLSearchParams({ kind: 'customers', ...params });
  const h: Record<string, string> = { 'content-type': 'text/csv', ...headers };
  if (client.sessionCookie) h.cookie = client.sessionCookie;
  if (client.bearer) h.authorization = `Bearer ${client.bearer}`;
  return fetch(`${baseUrl}/api/imports?${search}`, { method: 'POST', headers: h, body });
}

/** Polls the job until it has ended (every 100 ms, for at most `seconds`). */
export async function finishedImport(client: GraphQLTestClient, id: string, seconds = 40): Promise<any> {
  for (let i = 0; i < seconds * 10; i++) {
    const { importJob } = await client.ok(IMPORT_JOB, { id });
    if (importJob.status === 'SUCCEEDED' || importJob.status === 'FAILED') return importJob;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Uploads, expects 202 with a job id, and waits: the ended job. */
export async function runImport(baseUrl: string, client: GraphQLTestClient, body: string | Buffer, params: Record<string, string> = {}, seconds?: number): Promise<any> {
  const res = await uploadImport(baseUrl, client, body, params);
  const answer: any = await res.json();
  expect({ status: res.status, answer }).toEqual({ status: 202, answer: { jobId: expect.any(String) } });
  return finishedImport(client, answer.jobId, seconds);
}

/** A job's errors as [line, column, reason, message]. */
export const importErrorsOf = (job: any): Array<[number, string | null, string, string]> =>
  job.errors.edges.map((e: any) => [e.node.line, e.node.column, e.node.problem.reason, e.node.message]);
