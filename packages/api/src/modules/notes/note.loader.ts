import type { DataSource } from 'typeorm';
import type { Note } from './note.entity';
import { NOTE_COLUMNS, noteFrom, toNote } from './note.service';
import type { KeysetOrder } from '../../common/keyset';
import { ownerPagesLoader } from '../../common/owner-pages';

/** Newest first, the id breaking ties; the notes_*_newest_idx indexes have this order. */
const NEWEST_FIRST: KeysetOrder = {
  name: 'NOTES:NEWEST',
  keys: [
    { sql: 'n.created_at', type: 'timestamptz' },
    { sql: 'n.id', type: 'uuid' },
  ],
  descending: true,
};

/**
 * Per-request loaders for `Customer.notes` and `Organization.notes`: a list
 * of 50 customers each asking for their notes costs one statement for the
 * pages and, if asked, one for the counts (see `ownerPagesLoader`).
 * Deleted notes are in neither.
 */
export function createNoteLoaders(db: DataSource) {
  return {
    notePages: ownerPagesLoader<Note>(db, {
      table: 'notes',
      alias: 'n',
      from: noteFrom(),
      columns: NOTE_COLUMNS,
      where: ['n.deleted_at IS NULL'],
      params: async () => [],
      order: NEWEST_FIRST,
      toNode: toNote,
    }),
  };
}
