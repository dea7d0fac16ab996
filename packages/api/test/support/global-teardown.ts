import { runState } from './global-setup';
import { runId, withServer } from './test-database';

/** Drops every database this run made (also those of a crashed test file), then any embedded server. */
export default async function globalTeardown(): Promise<void> {
  const state = runState.__cpTestRun;
  if (!state) return;
  runState.__cpTestRun = undefined;
  await withServer(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`cp\\_test\\_${runId()}\\_%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
  await state.embedded?.stop();
}
