import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { problem, problemText } from '@cp/shared';
import type { Logger } from '../../logger';
import type { ImportRunner } from './import-runner';

const QUEUE = 'import-steps';

export interface ImportQueueOptions {
  /** Seconds one step runs before it hands over to the next. */
  stepSeconds: number;
  /** Seconds after which a step whose process died is run again. */
  expireSeconds: number;
}

/**
 * Import jobs on pg-boss (PostgreSQL-backed jobs, see README "Dependencies"):
 * a queued step runs in whichever API process fetches it, and a step whose
 * process died is expired and retried by pg-boss's maintenance, resuming
 * after its last committed batch. A step that has more to do queues the
 * next one. A session-level advisory lock keeps two steps of one import
 * from overlapping (a retried step and its late original). An unexpected
 * error ends the import as FAILED (IMPORT_INTERRUPTED, with the id it is
 * logged under) rather than retrying a fault. pg-boss runs its SQL through
 * the app's own pool.
 */
export class ImportQueue {
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly runner: ImportRunner,
    private readonly logger: Logger,
    private readonly options: ImportQueueOptions,
  ) {}

  /** Starts working (idempotent): pg-boss's schema is created on first use. */
  start(): Promise<PgBoss> {
    this.starting ??= this.open();
    return this.starting;
  }

  /** Starts only when some import is unfinished (a restart after a crash); for processes that start the queue lazily. */
  async resumeUnfinished(): Promise<void> {
    const [{ unfinished }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM import_jobs WHERE status IN ('QUEUED', 'RUNNING')) AS unfinished`);
    if (unfinished) await this.start();
  }

  /** Queues a step of the import. */
  async enqueue(jobId: string): Promise<void> {
    const boss = await this.start();
    await boss.send(QUEUE, { jobId }, { retryLimit: 20, retryDelay: 1, expireInSeconds: this.options.expireSeconds });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    this.starting = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private async open(): Promise<PgBoss> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: 'pgboss',
      // Expired steps are found by maintenance; with long steps a crashed import would otherwise wait two minutes more.
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(this.options.expireSeconds / 2))),
    });
    boss.on('error', (error) => this.logger.error({ err: error }, 'import queue error'));
    await boss.start();
    if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE);
    await boss.work<{ jobId: string }>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => this.run(job.data.jobId));
    this.boss = boss;
    return boss;
  }

  private async run(jobId: string): Promise<void> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      // Waits for an overlapping step of the same import to finish; released with the connection if this process dies.
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [jobId]);
      let more: boolean;
      try {
        more = await this.runner.step(jobId, this.options.stepSeconds * 1000);
      } catch (error) {
        const errorId = randomUUID();
        this.logger.error({ err: error, importJob: jobId, errorId }, 'import failed');
        const [job] = await this.db.query(`SELECT rows_written AS written FROM import_jobs WHERE id = $1`, [jobId]);
        const refusal = problem('IMPORT_INTERRUPTED', { errorId, written: job?.written ?? 0 });
        await this.db.query(`UPDATE import_jobs SET status = 'FAILED', phase = 'DONE', failure = $2, finished_at = now() WHERE id = $1 AND status <> 'SUCCEEDED'`, [
          jobId,
          JSON.stringify({ message: problemText(refusal), problem: refusal, line: null }),
        ]);
        return;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [jobId]);
      }
      if (more) await this.enqueue(jobId);
    } finally {
      await runner.release();
    }
  }
}
