import type { DataSource } from 'typeorm';
import type { Change } from './change.entity';
import { changeColumns, changeFrom, toChange } from './history.service';
import type { FieldVisibility } from '../detail-fields/field-visibility';
import type { KeysetOrder } from '../../common/keyset';
import { ownerPagesLoader } from '../../common/owner-pages';

/** Newest first; entries of one transaction share `at`, and `seq` keeps their order. The changes_*_newest_idx indexes have this order. */
const NEWEST_FIRST: KeysetOrder = {
  name: 'CHANGES:NEWEST',
  keys: [
    { sql: 'h.at', type: 'timestamptz' },
    { sql: 'h.seq', type: 'bigint' },
  ],
  descending: true,
};

/**
 * Per-request loaders for `Customer.history` and `Organization.history`: a
 * list of 50 customers each asking for their history costs one statement
 * for the pages and, if asked, one for the counts (see `ownerPagesLoader`).
 * An entry about a detail field exists for this viewer only while the viewer
 * may view that field: pages and counts share that condition, evaluated
 * inside PostgreSQL with the visible field ids bound at $2, which also
 * narrow a created entry's values.
 */
export function createHistoryLoaders(db: DataSource, visibility: FieldVisibility) {
  return {
    historyPages: ownerPagesLoader<Change>(db, {
      table: 'changes',
      alias: 'h',
      from: changeFrom(),
      columns: changeColumns('$2'),
      where: ['(h.field_id IS NULL OR h.field_id = ANY($2::uuid[]))'],
      params: async () => [(await visibility.viewableInAnyScope()).map((f) => f.id)],
      order: NEWEST_FIRST,
      toNode: toChange,
    }),
  };
}
