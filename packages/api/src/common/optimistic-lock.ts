import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from './domain-error';
import { isUuid } from './ids';

/**
 * Locks the row for this transaction and checks that the caller edited the
 * version stored now; a stale edit is refused (CONFLICT) and changes nothing.
 */
export async function lockExpectedVersion(
  tx: EntityManager,
  table: 'customers' | 'organizations' | 'agents' | 'teams',
  what: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  const rows: Array<{ version: number }> = isUuid(id) ? await tx.query(`SELECT version FROM ${table} WHERE id = $1 FOR UPDATE`, [id]) : [];
  if (!rows[0]) throw notFound(what, id);
  const { version } = rows[0];
  if (version !== expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      `This ${what.toLowerCase()} was changed by someone else (now version ${version}, you edited version ${expectedVersion}). Reload and try again.`,
      { currentVersion: version },
    );
  }
}
