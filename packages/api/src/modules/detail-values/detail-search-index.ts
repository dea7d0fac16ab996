import type { EntityManager } from 'typeorm';
import { detailSearchText, type StoredDetailValue } from '@cp/shared';
import type { DetailField } from '../detail-fields/detail-field.entity';

export interface IndexedValue {
  ownerId: string;
  field: DetailField;
  value: StoredDetailValue | null;
}

/**
 * Keeps `detail_search` (the substring-search table) in step with stored
 * values: one row per owner and text-like field, none for empty values.
 * Called inside the transaction that writes the values. `newOwners`: the
 * owners were inserted in this transaction, so they have no rows to delete
 * (an import's batch skips a join of tens of thousands of pairs).
 */
export async function reindexDetailValues(tx: EntityManager, entries: readonly IndexedValue[], { newOwners = false } = {}): Promise<void> {
  if (entries.length === 0) return;
  if (!newOwners) await tx.query(
    `DELETE FROM detail_search s USING unnest($1::uuid[], $2::uuid[]) AS e(owner_id, field_id)
      WHERE s.owner_id = e.owner_id AND s.field_id = e.field_id`,
    [entries.map((e) => e.ownerId), entries.map((e) => e.field.id)],
  );
  const rows = entries
    .map((e) => ({ ownerId: e.ownerId, fieldId: e.field.id, text: detailSearchText(e.field, e.value) }))
    .filter((r): r is { ownerId: string; fieldId: string; text: string } => r.text !== null && r.text !== '');
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO detail_search (owner_id, field_id, text) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
    [rows.map((r) => r.ownerId), rows.map((r) => r.fieldId), rows.map((r) => r.text)],
  );
}
