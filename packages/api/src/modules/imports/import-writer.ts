import type { DataSource, EntityManager } from 'typeorm';
import type { StoredDetailValue } from '@cp/shared';
import type { Actor } from '../../auth/viewer';
import type { DetailField } from '../detail-fields/detail-field.entity';
import type { DetailValueChange, DetailValueStore } from '../detail-values/detail-value.store';
import type { StoredDetails } from '../detail-values/detail-value.loader';
import { createdEntry, type HistoryService, type ChangeEntry, type ChangeSubject } from '../history/history.service';
import type { OrganizationService } from '../organizations/organization.service';
import type { ImportTarget } from './import-kinds';

/** A staged row to write, as read back from `import_rows`. */
interface RowToWrite {
  id: string;
  outcome: 'created' | 'updated';
  external_id: string | null;
  email: string | null;
  username: string | null;
  name: string | null;
  default_name: string | null;
  organizations: string[] | null;
  details: Record<string, StoredDetailValue>;
  cleared: string[];
}

export interface ImportWriterDeps {
  detailValues: DetailValueStore;
  history: HistoryService;
  organizations: OrganizationService;
}

/**
 * GIN pending list (`gin_pending_list_limit`) of an import's write
 * transactions, up from PostgreSQL's 4 MB: new trigram and JSONB keys
 * (`detail_search`, the owner's `search_text` and `details`) are appended
 * to it and merged into the index in bulk when it fills: a batch's 35,000
 * `detail_search` rows took 1.0–1.1 s instead of 2.0 s (auto_explain, 10k
 * import), for a final merge of about 1 s. `flushPendingIndexEntries` does
 * that merge when the import ends, so searches scan a long pending list
 * only while an import writes.
 */
export const IMPORT_GIN_PENDING_LIST = '64MB';

/**
 * Merges the GIN pending lists an import filled (`IMPORT_GIN_PENDING_LIST`)
 * into their indexes: every GIN index of the target's table, of
 * organizations (created by name) and of `detail_search`. Needs the tables'
 * owner (the API migrates them, so it is).
 */
export async function flushPendingIndexEntries(db: DataSource | EntityManager, target: ImportTarget): Promise<void> {
  await db.query(
    `SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
      WHERE a.amname = 'gin' AND i.indrelid = ANY($1::regclass[])`,
    [[target.owner.table, 'organizations', 'detail_search']],
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The organizations these names join (customers' Organization column),
 * created when missing, by lower-cased name; the first spelling of a name
 * in the batch is the one a new organization gets. Two statements.
 */
async function organizationsByName(tx: EntityManager, given: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  if (given.length === 0) return new Map();
  const names = [...new Map([...given].reverse().map((n) => [n.toLowerCase(), n])).values()];
  await tx.query(`INSERT INTO organizations (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [names]);
  const found: Array<{ id: string; name: string }> = await tx.query(`SELECT id, name::text AS name FROM organizations WHERE name = ANY($1::citext[])`, [names]);
  return new Map(found.map((o) => [o.name.toLowerCase(), o]));
}

/**
 * Writes one batch of checked rows (`row_no` in [from, to]) inside `tx`,
 * set-based: one INSERT for the created records with their values (the
 * store's `newDetails`, then `inserted`: the search index), one history
 * entry per created record listing them (`createdEntry`), one
 * UPDATE for changed built-in attributes (their history in one more
 * statement), updated records' detail values through the store's bulk
 * write (`writeMany`: search index and history in the same batch), organizations created by name first
 * (a created entry lists the ones its record joins) and
 * memberships added in one statement each. Only values that differ from
 * what is stored are written, so a record an agent changed since the
 * check keeps every value the file does not change.
 */
export async function writeImportBatch(tx: EntityManager, deps: ImportWriterDeps, jobId: string, target: ImportTarget, fields: ReadonlyMap<string, DetailField>, range: { from: number; to: number }, actor: Actor): Promise<void> {
  const table = target.owner.table;
  await tx.query(`SET LOCAL gin_pending_list_limit = '${IMPORT_GIN_PENDING_LIST}'`);
  const rows: RowToWrite[] = await tx.query(
    `SELECT target_id AS id, outcome, external_id, email::text AS email, username::text AS username, name, default_name, organizations, details, cleared
       FROM import_rows WHERE job_id = $1 AND row_no BETWEEN $2 AND $3 AND outcome IN ('created', 'updated') ORDER BY row_no`,
    [jobId, range.from, range.to],
  );
  if (rows.length === 0) return;
  const created = rows.filter((r) => r.outcome === 'created');
  const joining = rows.filter((r) => r.organizations && r.organizations.length > 0);
  const organizationOf = await organizationsByName(tx, joining.flatMap((r) => r.organizations!));
  // A row's organizations as stored (one spelling each, found by name ignoring case).
  const uniqueOrganizations = (r: RowToWrite) => [...new Map((r.organizations ?? []).map((n) => organizationOf.get(n.toLowerCase())!).map((o) => [o.id, o])).values()];
  let createdIds = new Set<string>();
  const columns = target.columns;
  const subject = (id: string): ChangeSubject => (target.kind === 'customers' ? { customerId: id } : { organizationId: id });
  if (created.length > 0) {
    const nameOf = (r: RowToWrite) => r.name ?? r.default_name;
    // A new record is inserted with its values (written once, not inserted empty and updated); the store indexes them.
    const values = created.map((r) => ({ ownerId: r.id, changes: Object.entries(r.details).map(([key, value]) => ({ field: fields.get(key)!, value })) }));
    const valuesParam = columns.length + 2;
    const inserted: Array<{ id: string }> = await tx.query(
      `INSERT INTO ${table} (id, ${columns.map((c) => c.column).join(', ')}, details)
       SELECT * FROM unnest($1::uuid[], ${columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')}, $${valuesParam}::jsonb[]) ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [created.map((r) => r.id), ...columns.map((c) => created.map((r) => (c.staged === 'name' ? nameOf(r) : r[c.staged]))), values.map((v) => deps.detailValues.newDetails(v.changes))],
    );
    createdIds = new Set(inserted.map((r) => r.id));
    await deps.detailValues.inserted(tx, target.owner, values.filter((v) => createdIds.has(v.ownerId)), actor);
    // One history entry per new record, listing what it was created with (one per value cost most of a batch's time).
    await deps.history.record(
      tx,
      actor,
      created
        .filter((r) => createdIds.has(r.id))
        .map((r) =>
          createdEntry(
            subject(r.id),
            Object.fromEntries(columns.map((c) => [c.attribute, c.staged === 'name' ? nameOf(r) : r[c.staged]])),
            Object.fromEntries(Object.entries(r.details).map(([key, value]) => [fields.get(key)!.id, value])),
            r.organizations ? uniqueOrganizations(r).map((o) => o.name) : [],
          ),
        ),
    );
  }

  const updated = rows.filter((r) => r.outcome === 'updated');
  if (updated.length > 0) {
    // FOR UPDATE in the FROM subquery: `old` holds the values this UPDATE replaces (as in the store's writes).
    const changed: Array<Record<string, string | null> & { id: string }> = await tx.query(
      `UPDATE ${table} t SET ${columns.map((c) => `${c.column} = coalesce(u.${c.staged}, t.${c.column})`).join(', ')}, version = t.version + 1, updated_at = now()
         FROM unnest($1::uuid[], ${columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')}) AS u(id, ${columns.map((c) => c.staged).join(', ')}),
              LATERAL (SELECT * FROM ${table} o WHERE o.id = u.id FOR UPDATE) old
        WHERE t.id = u.id AND (${columns.map((c) => `(u.${c.staged} IS NOT NULL AND u.${c.staged}::text IS DISTINCT FROM old.${c.column}::text)`).join(' OR ')})
        RETURNING t.id, ${columns.map((c) => `old.${c.column}::text AS "old_${c.column}", t.${c.column}::text AS "new_${c.column}"`).join(', ')}`,
      [updated.map((r) => r.id), ...columns.map((c) => updated.map((r) => r[c.staged]))],
    ).then(([changedRows]) => changedRows);
    const entries: ChangeEntry[] = changed.flatMap((row) =>
      columns
        .filter((c) => row[`old_${c.column}`] !== row[`new_${c.column}`])
        .map((c) => ({ ...subject(row.id), attribute: c.attribute, from: row[`old_${c.column}`], to: row[`new_${c.column}`] })),
    );
    await deps.history.record(tx, actor, entries);
  }

  const withValues = updated.filter((r) => Object.keys(r.details).length > 0 || r.cleared.length > 0);
  if (withValues.length > 0) {
    const stored: Array<{ id: string; details: StoredDetails }> = await tx.query(`SELECT id, details FROM ${table} WHERE id = ANY($1::uuid[])`, [withValues.map((r) => r.id)]);
    const current = new Map(stored.map((s) => [s.id, s.details]));
    const writes = withValues.map((r) => {
      const before = current.get(r.id) ?? {};
      const changes: DetailValueChange[] = [
        ...Object.entries(r.details).filter(([key, value]) => !same(before[key], value)).map(([key, value]) => ({ field: fields.get(key)!, value })),
        ...r.cleared.filter((key) => key in before).map((key) => ({ field: fields.get(key)!, value: null })),
      ];
      return { ownerId: r.id, changes };
    });
    await deps.detailValues.writeMany(tx, target.owner, writes, actor);
  }

  if (joining.length > 0) {
    await deps.organizations.addMemberships(
      tx,
      joining.flatMap((r) => uniqueOrganizations(r).map((o) => ({ customerId: r.id, organizationId: o.id }))),
      actor,
      createdIds,
    );
  }
}
