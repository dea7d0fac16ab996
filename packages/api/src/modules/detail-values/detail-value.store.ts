import type { DataSource, EntityManager } from 'typeorm';
import { isTextSearchable, parseDetailValue, problem, shownValue, type StoredDetailValue } from '@cp/shared';
import { DetailFieldType, type DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { DetailField } from '../detail-fields/detail-field.entity';
import { loadDefinitions } from '../detail-fields/detail-field.catalog';
import type { FieldVisibility } from '../detail-fields/field-visibility';
import { detailOwner, detailOwnerKinds, type DetailOwnerKind } from './detail-owner.registry';
import { detailSortIndex, detailSortKeys, isSortableOwner, sortIndexPrefix } from './detail-sort-keys';
import { reindexDetailValues } from './detail-search-index';
import type { StoredDetails } from './detail-value.loader';
import { badInput, notFound } from '../../common/domain-error';
import { lockExpectedVersion } from '../../common/optimistic-lock';
import { isUuid } from '../../common/ids';
import { containsText, matchesText } from '../../common/like';
import type { KeysetOrder } from '../../common/keyset';
import type { Logger } from '../../logger';
import type { Actor } from '../../auth/viewer';

/** One owner's values to write: `null` clears a value. */
export interface DetailValueChange {
  field: DetailField;
  value: StoredDetailValue | null;
}

/** A value as written, with the one it replaced (`null`: there was none). */
export interface WrittenValue extends DetailValueChange {
  from: StoredDetailValue | null;
}

/**
 * What a listener hears after values were written, inside the writing
 * transaction (`tx`): a listener that throws undoes the write. `cause` says
 * which path wrote: `SET` (setDetailValues), `OPTIONS_CHANGED` (an admin
 * renamed or removed options, rewriting the owners that held them), `BULK`
 * (many owners at once), `CLEARED` (all values of owners), `CREATED` (owners
 * inserted with their values, whose creator records their creation); `actor`
 * who did (the caller of setDetailValues, the admin who changed the options).
 */
export interface ValuesWritten {
  tx: EntityManager;
  owner: DetailOwnerKind;
  cause: 'SET' | 'OPTIONS_CHANGED' | 'BULK' | 'CLEARED' | 'CREATED';
  actor: Actor;
  /** Per owner id, the values as written and as they were (also unchanged ones: a listener compares). */
  changes: ReadonlyArray<{ ownerId: string; changes: readonly WrittenValue[] }>;
}

/** One condition of a list filter on a detail field (the GraphQL `DetailCondition`): exactly one test. */
export interface DetailConditionInput {
  fieldKey: string;
  equals?: unknown;
  contains?: string | null;
  isEmpty?: boolean | null;
}

/**
 * The detail-value branch of a search (`DetailValueStore.search`): the
 * visible text-like field ids, and SQL over them. `ownersMatching`: a SELECT
 * of the owner ids with a matching visible value (for an index lookup of
 * few matches); `ownerMatches`: whether the owner whose id is `ownerId` has
 * one (a probe per row, for a walk of many).
 */
export interface DetailSearch {
  fieldIds: string[];
  ownersMatching: (textParam: string, fieldIdsParam: string, text: string) => string;
  ownerMatches: (ownerId: string, textParam: string, fieldIdsParam: string, text: string) => string;
}

/**
 * The one module that reads and writes detail values (`details` JSONB of each
 * owner kind in `detail-owner.registry.ts`, and the `detail_search` index):
 * read projections, filters, sort keys, search conditions and writes are all
 * built here, and every decision about a field comes from the request's
 * `FieldVisibility`. Nothing else builds SQL over `details` or
 * `detail_search` (migrations aside).
 */
export class DetailValueStore {
  /**
   * Hook point of every value write (history rows and change events go
   * here): called in order, inside the write's transaction, after the values
   * and the search index are written.
   */
  private readonly listeners: Array<(event: ValuesWritten) => Promise<void>> = [];

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
  ) {}

  /** Adds a listener to every value write (see `ValuesWritten`). */
  onValuesWritten(listener: (event: ValuesWritten) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /**
   * SQL for `<alias>.details` reduced to the viewer's visible keys inside
   * PostgreSQL, so hidden values never leave the database; the only
   * expression that reads values for a response. Its parameter is appended
   * to `params`.
   */
  async projection(scope: DetailFieldScope, alias: string, visibility: FieldVisibility, params: unknown[]): Promise<string> {
    params.push((await visibility.viewable(scope)).map((f) => f.key));
    return `(SELECT coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb) FROM jsonb_each(${alias}.details) d WHERE d.key = ANY($${params.length}::text[]))`;
  }

  /** The visible values of these owners, in the order of `ids` (`{}` for an owner that does not exist). */
  async readVisible(owner: DetailOwnerKind, ids: readonly string[], visibility: FieldVisibility): Promise<StoredDetails[]> {
    const params: unknown[] = [ids];
    const details = await this.projection(owner.scope, 't', visibility, params);
    const rows: Array<{ id: string; details: StoredDetails }> = await this.db.query(`SELECT t.id, ${details} AS details FROM ${owner.table} t WHERE t.id = ANY($1::uuid[])`, params);
    const byId = new Map(rows.map((r) => [r.id, r.details]));
    return ids.map((id) => byId.get(id) ?? {});
  }

  /**
   * A list filter's SQL condition on `<alias>`. A hidden or unknown key is
   * UNKNOWN_DETAIL_FIELD; other refusals (BAD_USER_INPUT, field
   * `filter.details`): not exactly one test DETAIL_FILTER_ONE_TEST, `contains`
   * on a field that is not text DETAIL_FILTER_CONTAINS_TEXT_ONLY, a value the
   * field's codec refuses INVALID_FILTER_VALUE. `param` binds a value.
   */
  async filterCondition(scope: DetailFieldScope, alias: string, condition: DetailConditionInput, visibility: FieldVisibility, param: (value: unknown) => string): Promise<string> {
    const field = await visibility.readable(scope, condition.fieldKey, 'filter.details');
    const given = [condition.equals !== undefined && condition.equals !== null, condition.contains != null, condition.isEmpty != null].filter(Boolean).length;
    if (given !== 1) throw badInput(problem('DETAIL_FILTER_ONE_TEST', { label: field.label }), 'filter.details');
    if (condition.isEmpty != null) return `${condition.isEmpty ? 'NOT ' : ''}(${alias}.details ? ${param(field.key)})`;
    if (condition.contains != null) {
      if (!isTextSearchable(field.type)) throw badInput(problem('DETAIL_FILTER_CONTAINS_TEXT_ONLY', { label: field.label }), 'filter.details');
      return `${alias}.id IN (SELECT s.owner_id FROM detail_search s WHERE s.field_id = ${param(field.id)} AND ${containsText('s', param(condition.contains))})`;
    }
    // For multi-select, equals names one option the value must include.
    const input = field.type === DetailFieldType.MULTI_SELECT && !Array.isArray(condition.equals) ? [condition.equals] : condition.equals;
    const parsed = parseDetailValue(field, input);
    if (!parsed.ok) throw badInput(problem('INVALID_FILTER_VALUE', { label: field.label, value: shownValue(condition.equals), problem: parsed.problem }), 'filter.details');
    return `${alias}.details @> ${param(JSON.stringify({ [field.key]: parsed.value }))}::jsonb`;
  }

  /** A list order by a visible detail field (UNKNOWN_DETAIL_FIELD on `orderBy.fieldKey` otherwise); its keys match the field's sort index. */
  async sortOrder(scope: DetailFieldScope, fieldKey: string, alias: string, descending: boolean, visibility: FieldVisibility): Promise<KeysetOrder> {
    const owner = detailOwner(scope);
    // A programming error, not a caller's: only lists of sortable owners offer this order.
    if (!isSortableOwner(owner)) throw new Error(`${owner.table} do not sort by detail fields`);
    const field = await visibility.readable(scope, fieldKey, 'orderBy.fieldKey');
    return { name: `DETAIL:${field.key}:${descending ? 'DESC' : 'ASC'}`, keys: detailSortKeys(owner, field, alias), descending };
  }

  /**
   * Search over the detail values the viewer may view: the ids of those
   * fields, and the SQL forms of "a visible value matches" (`matchesText`:
   * substring, or word start for a short `text`), both with the text bound
   * at `textParam` and the field ids at `fieldIdsParam`. The visible-field
   * check runs after the trigram index, which is what keeps a hidden field
   * from matching.
   */
  async search(scope: DetailFieldScope, visibility: FieldVisibility): Promise<DetailSearch> {
    const fieldIds = await visibility.searchableFieldIds(scope);
    return {
      fieldIds,
      ownersMatching: (textParam, fieldIdsParam, text) => `SELECT s.owner_id FROM detail_search s WHERE ${matchesText('s', textParam, text)} AND s.field_id = ANY(${fieldIdsParam}::uuid[])`,
      // OFFSET 0 keeps PostgreSQL from turning the EXISTS into a hash of every match, which is what this form avoids.
      ownerMatches: (ownerId, textParam, fieldIdsParam, text) =>
        `EXISTS (SELECT 1 FROM detail_search s WHERE s.owner_id = ${ownerId} AND s.field_id = ANY(${fieldIdsParam}::uuid[]) AND ${matchesText('s', textParam, text)} OFFSET 0)`,
    };
  }

  /**
   * The one write path of setDetailValues: every value is checked before
   * anything is written (one refusal refuses the call): visibility
   * (UNKNOWN_DETAIL_FIELD, DETAIL_FIELD_READ_ONLY), no key twice
   * (DETAIL_FIELD_GIVEN_TWICE), the shared codec and existing agents
   * (INVALID_DETAIL_VALUE); then, in one transaction, the owner is locked and
   * its version checked (NOT_FOUND, CONFLICT), the values and the search index
   * are written, the version moves, and the listeners run (hearing `actor`
   * and the values replaced, read by the UPDATE itself).
   */
  async write(
    owner: DetailOwnerKind,
    ownerId: string,
    values: ReadonlyArray<{ fieldKey: string; value?: unknown }>,
    expectedVersion: number | null | undefined,
    visibility: FieldVisibility,
    actor: Actor,
  ): Promise<void> {
    const keys = new Set<string>();
    const changes: DetailValueChange[] = [];
    for (const { fieldKey, value } of values) {
      const field = await visibility.writable(owner.scope, fieldKey);
      // After the visibility check, so that a repeated hidden key reads as unknown, not as repeated.
      if (keys.has(fieldKey)) throw badInput(problem('DETAIL_FIELD_GIVEN_TWICE', { label: field.label }), 'values');
      keys.add(fieldKey);
      const parsed = parseDetailValue(field, value);
      if (!parsed.ok) throw badInput(problem('INVALID_DETAIL_VALUE', { label: field.label, value: shownValue(value), problem: parsed.problem }), field.key);
      changes.push({ field, value: parsed.value });
    }
    await this.assertAgentsExist(changes);

    await this.db.transaction(async (tx) => {
      if (expectedVersion != null) {
        await lockExpectedVersion(tx, owner.table, owner.entity, ownerId, expectedVersion);
      } else {
        const found = isUuid(ownerId) ? await tx.query(`SELECT 1 FROM ${owner.table} WHERE id = $1 FOR UPDATE`, [ownerId]) : [];
        if (found.length === 0) throw notFound(owner.entity, ownerId);
      }
      if (changes.length === 0) return;
      const set = Object.fromEntries(changes.filter((c) => c.value !== null).map((c) => [c.field.key, c.value]));
      const cleared = changes.filter((c) => c.value === null).map((c) => c.field.key);
      // The row is locked above, so the FROM subquery reads the values this UPDATE replaces.
      const [[{ before }]]: [Array<{ before: StoredDetails }>] = await tx.query(
        `UPDATE ${owner.table} t SET details = (t.details - $2::text[]) || $3::jsonb, version = t.version + 1, updated_at = now()
           FROM (SELECT id, details FROM ${owner.table} WHERE id = $1) old
          WHERE t.id = old.id
          RETURNING (SELECT coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb) FROM jsonb_each(old.details) d WHERE d.key = ANY($4::text[])) AS before`,
        [ownerId, cleared, JSON.stringify(set), changes.map((c) => c.field.key)],
      );
      await this.written(tx, owner, 'SET', actor, [{ ownerId, changes: changes.map((c) => ({ ...c, from: before[c.field.key] ?? null })) }]);
    });
  }

  /**
   * The admin's option change reaching stored values, inside the caller's
   * transaction: every owner holding `field` is locked and its value mapped
   * by `rewrite` (null clears it); changed values are written, reindexed
   * (as `renamed`, the field with its new options) and heard by listeners
   * as changed by `actor` (the admin).
   */
  async rewriteField(tx: EntityManager, field: DetailField, renamed: DetailField, rewrite: (value: StoredDetailValue) => StoredDetailValue | null, actor: Actor): Promise<void> {
    const owner = detailOwner(field.scope);
    const rows: Array<{ id: string; value: StoredDetailValue }> = await tx.query(`SELECT id, details -> $1 AS value FROM ${owner.table} WHERE details ? $1 FOR UPDATE`, [field.key]);
    const updates = rows.map(({ id, value }) => ({ id, value: rewrite(value), before: value })).filter((u) => JSON.stringify(u.value) !== JSON.stringify(u.before));
    if (updates.length === 0) return;
    await tx.query(
      `UPDATE ${owner.table} t SET details = CASE WHEN u.value IS NULL THEN t.details - $1 ELSE jsonb_set(t.details, ARRAY[$1], u.value) END
         FROM unnest($2::uuid[], $3::jsonb[]) AS u(id, value) WHERE t.id = u.id`,
      [field.key, updates.map((u) => u.id), updates.map((u) => (u.value === null ? null : JSON.stringify(u.value)))],
    );
    await this.written(
      tx,
      owner,
      'OPTIONS_CHANGED',
      actor,
      updates.map((u) => ({ ownerId: u.id, changes: [{ field: renamed, value: u.value, from: u.before }] })),
    );
  }

  /**
   * Many owners' values at once, inside the caller's transaction, for values
   * already parsed by the shared codecs (`parseDetailValue`) from a trusted
   * source: one UPDATE for all owners (their versions move), then the search
   * index and the listeners as for any write. No visibility check: callers
   * act as the system, never for a viewer.
   */
  async writeMany(tx: EntityManager, owner: DetailOwnerKind, rows: ReadonlyArray<{ ownerId: string; changes: readonly DetailValueChange[] }>, actor: Actor): Promise<void> {
    const written = rows.filter((r) => r.changes.length > 0);
    if (written.length === 0) return;
    const ids = written.map((r) => r.ownerId);
    // Locked first (in id order, as every bulk write locks), so the values read are the ones the UPDATE replaces; one lock per row in a LATERAL was slower.
    const before: Array<{ id: string; details: StoredDetails }> = await tx.query(`SELECT id, details FROM ${owner.table} WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    await tx.query(
      `UPDATE ${owner.table} t SET details = (t.details - ARRAY(SELECT jsonb_array_elements_text(u.cleared))) || u.set, version = t.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::jsonb[], $3::jsonb[]) AS u(id, set, cleared)
        WHERE t.id = u.id`,
      [
        ids,
        written.map((r) => this.newDetails(r.changes)),
        written.map((r) => JSON.stringify(r.changes.filter((c) => c.value === null).map((c) => c.field.key))),
      ],
    );
    const beforeById = new Map(before.map((b) => [b.id, b.details]));
    await this.written(
      tx,
      owner,
      'BULK',
      actor,
      written.map((r) => ({ ownerId: r.ownerId, changes: r.changes.map((c) => ({ field: c.field, value: c.value, from: beforeById.get(r.ownerId)?.[c.field.key] ?? null })) })),
    );
  }

  /**
   * The `details` value (JSON text) of a new owner holding these values,
   * for a caller that inserts many owners at once (an import) with their
   * values in the INSERT, then calls `inserted`: each owner is written once
   * instead of inserted empty and updated.
   */
  newDetails(changes: readonly DetailValueChange[]): string {
    return JSON.stringify(Object.fromEntries(changes.filter((c) => c.value !== null).map((c) => [c.field.key, c.value])));
  }

  /**
   * After the caller inserted these owners with `newDetails(changes)`,
   * inside `tx`: the search index and the listeners hear every value as set
   * (from nothing) by `actor`, cause `CREATED`: history leaves them to the
   * caller's one entry per new owner (`createdEntry`).
   */
  async inserted(tx: EntityManager, owner: DetailOwnerKind, rows: ReadonlyArray<{ ownerId: string; changes: readonly DetailValueChange[] }>, actor: Actor): Promise<void> {
    const written = rows.filter((r) => r.changes.length > 0);
    if (written.length === 0) return;
    // Written out rather than spread: a spread cost about 20 µs a value, and an import writes 50,000 per batch.
    await this.written(tx, owner, 'CREATED', actor, written.map((r) => ({ ownerId: r.ownerId, changes: r.changes.map((c) => ({ field: c.field, value: c.value, from: null })) })), { newOwners: true });
  }

  /**
   * How many owners hold at least one of these options in `field` (what
   * removing them would change). Options the field does not have count
   * nothing.
   */
  async countWithOptions(field: DetailField, options: readonly string[]): Promise<number> {
    // `?|` matches a top-level string as well as a list element, so one test serves both types.
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM ${detailOwner(field.scope).table} WHERE details -> $1 ?| $2::text[]`, [field.key, options]);
    return n;
  }

  /**
   * Makes each sortable field's index match its current sort keys: builds a
   * missing one and drops stale or invalid ones (options changed, tie-break
   * rule changed, a concurrent build that failed). Run after the change is
   * committed, concurrently, so a large table stays writable meanwhile; until
   * the new index is built, that sort is slower, not wrong. Failures are
   * logged, not thrown: the field itself is saved.
   */
  async syncSortIndexes(fields: readonly DetailField[]): Promise<void> {
    for (const owner of detailOwnerKinds().filter(isSortableOwner)) {
      for (const field of fields.filter((f) => f.scope === owner.scope)) {
        const wanted = detailSortIndex(owner, field);
        try {
          const existing: Array<{ name: string; valid: boolean }> = await this.db.query(
            `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              WHERE i.indrelid = $1::regclass AND c.relname LIKE $2`,
            [owner.table, `${sortIndexPrefix(owner, field.id)}%`],
          );
          for (const index of existing) {
            if (index.name !== wanted.name || !index.valid) await this.db.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
          }
          await this.db.query(wanted.ddl);
        } catch (error) {
          this.logger.error({ err: error, field: field.key }, 'could not build the sort index of a detail field');
        }
      }
    }
  }

  /**
   * Clears every value of these owners, inside the caller's transaction, as
   * a write by `actor` (cause `CLEARED`): the listeners hear each value
   * removed, so history keeps what an owner held before it is deleted (for
   * those who may view each field), and the search index forgets them.
   */
  async clearAll(tx: EntityManager, owner: DetailOwnerKind, ownerIds: readonly string[], actor: Actor): Promise<void> {
    const rows: Array<{ id: string; details: StoredDetails }> = await tx.query(
      `SELECT id, details FROM ${owner.table} WHERE id = ANY($1::uuid[]) AND details <> '{}'::jsonb FOR UPDATE`,
      [ownerIds],
    );
    if (rows.length === 0) return;
    const fields = new Map((await loadDefinitions(tx, 'WHERE f.scope = $1', [owner.scope])).map((f) => [f.key, f]));
    await tx.query(`UPDATE ${owner.table} SET details = '{}'::jsonb, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    await this.written(
      tx,
      owner,
      'CLEARED',
      actor,
      rows.map((r) => ({
        ownerId: r.id,
        // A key without a definition cannot be stored (writes go through definitions); skipping one keeps a clear from failing on it.
        changes: Object.entries(r.details).flatMap(([key, from]) => {
          const field = fields.get(key);
          return field ? [{ field, value: null, from }] : [];
        }),
      })),
    );
  }

  /** After values were written: the search index follows (`newOwners`: see reindexDetailValues), then the listeners hear it, in the same transaction. */
  private async written(tx: EntityManager, owner: DetailOwnerKind, cause: ValuesWritten['cause'], actor: Actor, changes: ValuesWritten['changes'], { newOwners = false } = {}): Promise<void> {
    await reindexDetailValues(
      tx,
      changes.flatMap((c) => c.changes.map((change) => ({ ownerId: c.ownerId, field: change.field, value: change.value }))),
      { newOwners },
    );
    for (const listener of this.listeners) await listener({ tx, owner, cause, actor, changes });
  }

  private async assertAgentsExist(changes: readonly DetailValueChange[]): Promise<void> {
    const userValues = changes.filter((c) => c.field.type === DetailFieldType.USER && typeof c.value === 'string');
    if (userValues.length === 0) return;
    const ids = userValues.map((c) => c.value as string);
    const found: Array<{ id: string }> = await this.db.query(`SELECT id FROM agents WHERE id = ANY($1::uuid[])`, [ids]);
    const missing = userValues.find((c) => !found.some((f) => f.id === c.value));
    if (missing) throw badInput(problem('INVALID_DETAIL_VALUE', { label: missing.field.label, value: shownValue(missing.value), problem: problem('NOT_AN_AGENT') }), missing.field.key);
  }
}
