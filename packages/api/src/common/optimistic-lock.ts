import type { EntityManager } from 'typeorm';
import { problem, type Entity } from '@cp/shared';
import { DomainError, notFound } from './domain-error';
import { isUuid } from './ids';

/** CONFLICT: the caller edited version `expected`, `current` is stored now; `extensions.currentVersion` lets a client reload. */
export function staleVersion(entity: Entity, current: number, expected: number): DomainError {
  return new DomainError('CONFLICT', problem('STALE_VERSION', { entity, current, expected }), { currentVersion: current });
}

/**
 * Locks the row for this transaction and checks that the caller edited the
 * version stored now; a stale edit is refused (CONFLICT) and changes nothing.
 */
export async function lockExpectedVersion(
  tx: EntityManager,
  table: 'customers' | 'organizations' | 'agents' | 'teams' | 'requests' | 'products' | 'entitlements',
  entity: Entity,
  id: string,
  expectedVersion: number,
): Promise<void> {
  const rows: Array<{ version: number }> = isUuid(id) ? await tx.query(`SELECT version FROM ${table} WHERE id = $1 FOR UPDATE`, [id]) : [];
  if (!rows[0]) throw notFound(entity, id);
  const { version } = rows[0];
  if (version !== expectedVersion) {
    throw staleVersion(entity, version, expectedVersion);
  }
}
