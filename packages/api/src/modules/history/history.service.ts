import type { EntityManager } from 'typeorm';
import type { StoredDetailValue } from '@cp/shared';
import { Change } from './change.entity';
import type { Actor } from '../../auth/viewer';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { ValuesWritten } from '../detail-values/detail-value.store';
import type { DetailOwnerKind } from '../detail-values/detail-owner.registry';

/** The `attribute` of the one entry an import records for each record it creates, listing what it was created with (see `createdEntry`). */
export const CREATED = 'created';

/**
 * Columns of a change over `changes h LEFT JOIN api_tokens t ON t.id = h.via_token_id` (see changeFrom).
 * A created entry's `details` (values by field id) keep only the fields whose ids are bound at
 * `fieldIdsParam` (uuid[]), inside PostgreSQL, so a hidden value never leaves the database.
 */
export const changeColumns = (fieldIdsParam: string) => `h.id, h.at, h.actor_id AS "actorId", t.name AS "viaToken", h.field_id AS "fieldId", h.attribute, h.product_id AS "productId",
  h.from_value AS "from", h.import_job_id AS "importJobId",
  CASE WHEN h.attribute = '${CREATED}' THEN h.to_value || jsonb_build_object('details',
    (SELECT coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb) FROM jsonb_each(h.to_value -> 'details') d WHERE d.key::uuid = ANY(${fieldIdsParam}::uuid[])))
  ELSE h.to_value END AS "to"`;

/** The token's name is read where the change is, so a page costs no extra statement for it. */
export const changeFrom = () => `changes h LEFT JOIN api_tokens t ON t.id = h.via_token_id`;

export const toChange = (row: Record<string, any>): Change => {
  // A created entry's values are answered as `Change.values`; `to` keeps its built-in attributes.
  const { details, ...attributes } = row.attribute === CREATED ? (row.to ?? {}) : { details: null };
  return Object.assign(new Change(), {
    id: row.id,
    at: row.at,
    actorId: row.actorId ?? null,
    viaToken: row.viaToken ?? null,
    fieldId: row.fieldId ?? null,
    attribute: row.attribute ?? null,
    productId: row.productId ?? null,
    importJobId: row.importJobId ?? null,
    from: row.from ?? null,
    to: row.attribute === CREATED ? attributes : (row.to ?? null),
    createdDetails: details ?? null,
  });
};

/**
 * The history entry of a record created with these built-in attributes
 * (by their history names; nulls left out), detail values (by field id)
 * and, for a customer, the organizations it joined (names; left out when
 * none): one entry instead of one per value and join, as an import writes
 * them.
 */
export function createdEntry(subject: ChangeSubject, attributes: Record<string, string | null>, details: Record<string, StoredDetailValue>, organizations: readonly string[] = []): ChangeEntry {
  const given = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== null));
  return { ...subject, attribute: CREATED, from: null, to: { ...given, ...(organizations.length > 0 ? { organizations } : {}), details } };
}

/** Whose history an entry belongs to: exactly one of the two. */
export type ChangeSubject = { customerId: string; organizationId?: undefined } | { organizationId: string; customerId?: undefined };

/**
 * One entry to record: a detail field (`fieldId`) or a built-in attribute
 * (`attribute`, one of the names listed on `Change.attribute`), with the
 * values before and after (null: none). `entitlementId`/`productId` say
 * which entitlement an entry is about (entitlement values and grants).
 */
export type ChangeEntry = ChangeSubject & {
  fieldId?: string;
  attribute?: string;
  entitlementId?: string;
  productId?: string;
  from: unknown;
  to: unknown;
};

/** Whose history a detail-value write goes in, and which entitlement it is about (for entitlement values). */
type ValueSubject = ChangeSubject & { entitlementId?: string; productId?: string };

/**
 * The subjects of a detail-value write, by owner id: the owner itself for
 * customers and organizations; for an entitlement, the customer or
 * organization it is granted to, with the entitlement and its product (one
 * statement, in the write's transaction).
 */
async function subjectsOf(tx: EntityManager, owner: DetailOwnerKind, ownerIds: readonly string[]): Promise<Map<string, ValueSubject>> {
  switch (owner.scope) {
    case DetailFieldScope.CUSTOMER:
      return new Map(ownerIds.map((id) => [id, { customerId: id }]));
    case DetailFieldScope.ORGANIZATION:
      return new Map(ownerIds.map((id) => [id, { organizationId: id }]));
    case DetailFieldScope.ENTITLEMENT: {
      const rows: Array<{ id: string; customerId: string | null; organizationId: string | null; productId: string }> = await tx.query(
        `SELECT id, customer_id AS "customerId", organization_id AS "organizationId", product_id AS "productId" FROM entitlements WHERE id = ANY($1::uuid[])`,
        [ownerIds],
      );
      return new Map(
        rows.map((r) => [r.id, { ...(r.customerId ? { customerId: r.customerId } : { organizationId: r.organizationId! }), entitlementId: r.id, productId: r.productId }]),
      );
    }
  }
}

/**
 * Writes history (issue 7). Every caller records inside the transaction of
 * the change it describes, so a refused or failed change records nothing,
 * and a failure to record undoes the change.
 */
export class HistoryService {
  /**
   * Records `entries` by `actor` in one statement, in the given order (`seq`;
   * they share the transaction's `now()` as `at`), with the actor's import
   * job when an import writes them. Entries whose `from` equals their `to`
   * (as JSON) are no change and are skipped.
   */
  async record(tx: EntityManager, actor: Actor, entries: readonly ChangeEntry[]): Promise<void> {
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    // One typed array per column (unnest), filled in one pass, each value serialised once: an import records 60,000
    // entries per batch, and copying them into new objects first cost more than the rest of this function.
    const column = () => [] as Array<string | null>;
    const c = { customer: column(), organization: column(), field: column(), attribute: column(), entitlement: column(), product: column(), from: column(), to: column() };
    for (const e of entries) {
      const from = json(e.from);
      const to = json(e.to);
      if (from === to) continue;
      c.customer.push(e.customerId ?? null);
      c.organization.push(e.organizationId ?? null);
      c.field.push(e.fieldId ?? null);
      c.attribute.push(e.attribute ?? null);
      c.entitlement.push(e.entitlementId ?? null);
      c.product.push(e.productId ?? null);
      c.from.push(from);
      c.to.push(to);
    }
    if (c.to.length === 0) return;
    await tx.query(
      `INSERT INTO changes (actor_id, via_token_id, import_job_id, customer_id, organization_id, field_id, attribute, entitlement_id, product_id, from_value, to_value)
       SELECT $1, $2, $3, e.customer_id, e.organization_id, e.field_id, e.attribute, e.entitlement_id, e.product_id, e.from_value, e.to_value
         FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::uuid[], $9::uuid[], $10::jsonb[], $11::jsonb[])
              WITH ORDINALITY AS e(customer_id, organization_id, field_id, attribute, entitlement_id, product_id, from_value, to_value, n)
        ORDER BY e.n`,
      [actor.agentId, actor.tokenId, actor.importJobId ?? null, c.customer, c.organization, c.field, c.attribute, c.entitlement, c.product, c.from, c.to],
    );
  }

  /**
   * The value store's listener: every written detail value whose value
   * changed becomes an entry of its owner's history; values of new owners
   * (`CREATED`) are listed by their creator's one `createdEntry` instead.
   */
  readonly valuesWritten = async ({ tx, owner, cause, actor, changes }: ValuesWritten): Promise<void> => {
    if (cause === 'CREATED') return;
    const subjects = await subjectsOf(tx, owner, changes.map((c) => c.ownerId));
    await this.record(
      tx,
      actor,
      changes.flatMap(({ ownerId, changes: values }) => {
        const subject = subjects.get(ownerId);
        // A programming error: the store writes only owners that exist, inside this transaction.
        if (!subject) throw new Error(`no history subject for ${owner.scope} ${ownerId}`);
        // Written out rather than spread (a spread took about 20 µs an entry; an import makes 50,000 per batch); `subject` names exactly one owner.
        return values.map((c) => ({
          customerId: subject.customerId,
          organizationId: subject.organizationId,
          entitlementId: subject.entitlementId,
          productId: subject.productId,
          fieldId: c.field.id,
          from: c.from,
          to: c.value,
        }) as ChangeEntry);
      }),
    );
  };
}
