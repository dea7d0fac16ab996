import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { problem } from '@cp/shared';
import { DomainError } from '../../common/domain-error';

/** Size of the pieces an uploaded file is kept in (one row of `import_file_chunks` each). */
const CHUNK_BYTES = 1024 * 1024;

/** The largest file an import takes (a million customers with ten fields is about 200 MB). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

/**
 * An import's file, kept in PostgreSQL so that whichever API process runs
 * the job reads it, and a restart loses nothing. Written as it streams in,
 * read as it streams out: memory holds one chunk at a time.
 */
export class ImportFileStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Stores `body` for the job in 1 MiB chunks as it arrives; its size in
   * bytes. PAYLOAD_TOO_LARGE (IMPORT_FILE_TOO_LARGE) past MAX_IMPORT_BYTES,
   * after which the caller drops the job.
   */
  async save(jobId: string, body: Readable): Promise<number> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    let total = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await this.db.query(`INSERT INTO import_file_chunks (job_id, seq, bytes) VALUES ($1, $2, $3)`, [jobId, seq++, Buffer.concat(pending, pendingBytes)]);
      pending = [];
      pendingBytes = 0;
    };
    for await (const piece of body as AsyncIterable<Buffer>) {
      total += piece.length;
      if (total > MAX_IMPORT_BYTES) {
        throw new DomainError('PAYLOAD_TOO_LARGE', problem('IMPORT_FILE_TOO_LARGE', { max: MAX_IMPORT_BYTES / 1024 / 1024 }), { field: 'file' });
      }
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    return total;
  }

  /** Stores text (JSON rows written out as CSV) as the job's file. */
  async saveText(jobId: string, text: string): Promise<number> {
    const bytes = Buffer.from(text, 'utf8');
    for (let seq = 0, at = 0; at < bytes.length; seq++, at += CHUNK_BYTES) {
      await this.db.query(`INSERT INTO import_file_chunks (job_id, seq, bytes) VALUES ($1, $2, $3)`, [jobId, seq, bytes.subarray(at, at + CHUNK_BYTES)]);
    }
    return bytes.length;
  }

  /** The file's first chunk (empty for an empty file), and whether it is the whole file. */
  async start(jobId: string): Promise<{ bytes: Buffer; complete: boolean }> {
    const rows: Array<{ bytes: Buffer; more: boolean }> = await this.db.query(
      `SELECT bytes, EXISTS (SELECT 1 FROM import_file_chunks WHERE job_id = $1 AND seq = 1) AS more FROM import_file_chunks WHERE job_id = $1 AND seq = 0`,
      [jobId],
    );
    return rows[0] ? { bytes: rows[0].bytes, complete: !rows[0].more } : { bytes: Buffer.alloc(0), complete: true };
  }

  /** The file's chunks in order, one query each. */
  async *read(jobId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const rows: Array<{ bytes: Buffer }> = await this.db.query(`SELECT bytes FROM import_file_chunks WHERE job_id = $1 AND seq = $2`, [jobId, seq]);
      if (!rows[0]) return;
      yield rows[0].bytes;
    }
  }

  /** Forgets the file (the job has ended). */
  async drop(jobId: string): Promise<void> {
    await this.db.query(`DELETE FROM import_file_chunks WHERE job_id = $1`, [jobId]);
  }
}
