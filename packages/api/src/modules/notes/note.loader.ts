import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Note } from './note.entity';
import { NOTE_COLUMNS, noteFrom, toNote } from './note.service';
import type { Page } from '../../common/connection';
import { uniq } from '../../common/ids';
import { batchByArgs, parentPages, type KeysetOrder } from '../../common/keyset';

/** What a note hangs on; also names its column (`customer_id`, `organization_id`). */
export type NoteOwner = 'customer' | 'organization';

/** One parent's page of notes: the DataLoader key (parents asking with equal args share one statement). */
export interface NotePageKey {
  owner: NoteOwner;
  ownerId: string;
  first: number;
  after?: string | null;
}

/** Newest first, the id breaking ties; the notes_*_newest_idx indexes have this order. */
const NEWEST_FIRST: KeysetOrder = {
  name: 'NOTES:NEWEST',
  keys: [
    { sql: 'n.created_at', type: 'timestamptz' },
    { sql: 'n.id', type: 'uuid' },
  ],
  descending: true,
};

const ownerColumn = (owner: NoteOwner) => (owner === 'customer' ? 'customer_id' : 'organization_id');

/**
 * Per-request loaders for `Customer.notes` and `Organization.notes`: a list
 * of 50 customers each asking for their notes costs one statement for the
 * pages (a LATERAL join over the parent ids with the per-parent limit, one
 * statement per distinct owner/first/after) and, if asked, one for the
 * counts, whatever the number of parents.
 */
export function createNoteLoaders(db: DataSource) {
  const countsOf = new DataLoader<{ owner: NoteOwner; ownerId: string }, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      for (const owner of uniq(keys.map((k) => k.owner))) {
        const column = ownerColumn(owner);
        const rows: Array<{ id: string; n: number }> = await db.query(
          `SELECT ${column} AS id, count(*)::int AS n FROM notes
            WHERE ${column} = ANY($1::uuid[]) AND deleted_at IS NULL GROUP BY ${column}`,
          [keys.filter((k) => k.owner === owner).map((k) => k.ownerId)],
        );
        for (const row of rows) counts.set(`${owner}:${row.id}`, row.n);
      }
      return keys.map((k) => counts.get(`${k.owner}:${k.ownerId}`) ?? 0);
    },
    { cacheKeyFn: (k) => `${k.owner}:${k.ownerId}` },
  );

  return {
    notePages: new DataLoader<NotePageKey, Page<Note>, string>(
      (keys) =>
        batchByArgs(
          keys,
          (key) => [key.owner, key.first, key.after ?? null],
          async (group) => {
            const { owner, first, after } = group[0];
            const pages = await parentPages({
              db,
              parentIds: group.map((key) => key.ownerId),
              from: noteFrom(),
              columns: NOTE_COLUMNS,
              where: [`n.${ownerColumn(owner)} = p.id`, 'n.deleted_at IS NULL'],
              params: [],
              order: NEWEST_FIRST,
              first,
              after,
              toNode: toNote,
            });
            return pages.map((page, i) => ({ ...page, count: async () => ({ count: await countsOf.load({ owner, ownerId: group[i].ownerId }), exact: true }) }));
          },
        ),
      { cacheKeyFn: (k) => JSON.stringify([k.owner, k.ownerId, k.first, k.after ?? null]) },
    ),
  };
}
