import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Note } from './note.entity';
import { NOTE_COLUMNS, noteFrom, toNote } from './note.service';
import type { Page } from '../../common/connection';
import { groupBy } from '../../common/group-by';
import { uniq } from '../../common/ids';
import { keyAfter, keyOrderBy, keySelect, rowCursor, type KeysetOrder } from '../../common/keyset';

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

  async function pagesOf(owner: NoteOwner, first: number, after: string | null, ownerIds: string[]): Promise<Array<Page<Note>>> {
    const params: unknown[] = [ownerIds];
    const where = [`n.${ownerColumn(owner)} = p.owner_id`, 'n.deleted_at IS NULL'];
    if (after) where.push(keyAfter(NEWEST_FIRST, after, params));
    params.push(first + 1);
    const rows: Array<Record<string, any>> = await db.query(
      `SELECT p.owner_id AS "ownerId", page.*
         FROM unnest($1::uuid[]) WITH ORDINALITY AS p(owner_id, position)
        CROSS JOIN LATERAL (
          SELECT ${NOTE_COLUMNS}, ${keySelect(NEWEST_FIRST)} FROM ${noteFrom()}
           WHERE ${where.join(' AND ')}
           ORDER BY ${keyOrderBy(NEWEST_FIRST)} LIMIT $${params.length}) page
        ORDER BY p.position, page."createdAt" DESC, page.id DESC`,
      params,
    );
    return groupBy(ownerIds, rows, (row) => row.ownerId).map((group, i) => {
      const pageRows = group.slice(0, first);
      return {
        nodes: pageRows.map(toNote),
        cursors: pageRows.map((row) => rowCursor(NEWEST_FIRST, row)),
        hasNextPage: group.length > first,
        count: async () => ({ count: await countsOf.load({ owner, ownerId: ownerIds[i] }), exact: true }),
      };
    });
  }

  return {
    notePages: new DataLoader<NotePageKey, Page<Note>, string>(
      async (keys) => {
        const groups = new Map<string, NotePageKey[]>();
        for (const key of keys) {
          const args = JSON.stringify([key.owner, key.first, key.after ?? null]);
          groups.set(args, [...(groups.get(args) ?? []), key]);
        }
        const pages = new Map<NotePageKey, Page<Note>>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { owner, first, after } = group[0];
            // DataLoader has already merged equal keys, so each owner appears once.
            const ids = group.map((k) => k.ownerId);
            const byOwner = new Map((await pagesOf(owner, first, after ?? null, ids)).map((page, i) => [ids[i], page]));
            for (const key of group) pages.set(key, byOwner.get(key.ownerId)!);
          }),
        );
        return keys.map((key) => pages.get(key)!);
      },
      { cacheKeyFn: (k) => JSON.stringify([k.owner, k.ownerId, k.first, k.after ?? null]) },
    ),
  };
}
