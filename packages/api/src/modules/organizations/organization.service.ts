import { problem, shownValue } from '@cp/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Organization } from './organization.entity';
import { badInput, notFound } from '../../common/domain-error';
import { externalIdOf } from '../../common/external-id';
import { assertIds, isUuid, uniq } from '../../common/ids';
import { groupBy } from '../../common/group-by';
import { matchesText } from '../../common/like';
import { lockExpectedVersion } from '../../common/optimistic-lock';
import { keysetPage, type KeysetOrder } from '../../common/keyset';
import type { Page } from '../../common/connection';
import { constraintError } from '../../db/pg-errors';
import type { HistoryService } from '../history/history.service';
import type { Actor } from '../../auth/viewer';
import type { ChangeEntry } from '../history/history.service';

export const ORGANIZATION_COLUMNS = `o.id, o.external_id AS "externalId", o.name::text AS name, o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

const BY_NAME: KeysetOrder = {
  name: 'NAME:ASC',
  keys: [
    { sql: 'lower(o.name::text)', type: 'text' },
    { sql: 'o.id', type: 'uuid' },
  ],
  descending: false,
};

export const toOrganization = (row: Record<string, any>): Organization =>
  Object.assign(new Organization(), {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

/** What `update` may change: omitted stays; `externalId` null or '' clears it. */
export interface OrganizationChanges {
  id: string;
  expectedVersion: number;
  name?: string | null;
  externalId?: string | null;
}

/** The history attribute name of each column `update` may change. */
const ORGANIZATION_ATTRIBUTES: Record<string, string> = { name: 'name', external_id: 'externalId' };

/** A name as stored (organizations, products): trimmed, runs of white space made one space. */
export const collapseSpaces = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** `collapseSpaces`, refusing a name with nothing left: NAME_EMPTY (field `name`). */
export const cleanName = (name: string): string => {
  const trimmed = collapseSpaces(name);
  if (!trimmed) throw badInput(problem('NAME_EMPTY'), 'name');
  return trimmed;
};

/**
 * History entries of a membership change, on both sides: the customer's
 * `organization` (the organization's name) and the organization's `member`
 * (the customer's display name); `to` when added, `from` when removed.
 */
function membershipChanges(organization: Pick<Organization, 'id' | 'name'>, customers: ReadonlyArray<{ id: string; displayName: string }>, added: boolean): ChangeEntry[] {
  const entry = (value: string) => (added ? { from: null, to: value } : { from: value, to: null });
  return customers.flatMap((customer) => [
    { customerId: customer.id, attribute: 'organization', ...entry(organization.name) },
    { organizationId: organization.id, attribute: 'member', ...entry(customer.displayName) },
  ]);
}

export class OrganizationService {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryService,
  ) {}

  async find(id: string): Promise<Organization | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = $1`, [id]);
    return rows[0] ? toOrganization(rows[0]) : null;
  }

  async list({ first, after, query }: { first: number; after?: string | null; query?: string | null }): Promise<Page<Organization>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const text = query?.trim();
    if (text) {
      params.push(text);
      where.push(matchesText('o', `$${params.length}`, text));
    }
    return keysetPage({
      db: this.db,
      from: 'organizations o',
      columns: ORGANIZATION_COLUMNS,
      where,
      params,
      order: BY_NAME,
      first,
      after,
      toNode: toOrganization,
      count: async (filterSql, filterParams) => {
        const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM organizations o ${filterSql}`, filterParams);
        return { count: n, exact: true };
      },
    });
  }

  async create(name: string): Promise<Organization> {
    const clean = cleanName(name);
    try {
      const rows = await this.db.query(`INSERT INTO organizations AS o (name) VALUES ($1) RETURNING ${ORGANIZATION_COLUMNS}`, [clean]);
      return toOrganization(rows[0]);
    } catch (error) {
      throw await constraintError(this.db, error, { name: clean });
    }
  }

  /**
   * Changes its name and external id (see OrganizationChanges), version-checked;
   * each changed one is recorded in history (`name`, `externalId`) as done by
   * `actor`, in the same transaction. Throws CONFLICT, NOT_FOUND, NAME_EMPTY
   * (also for a null name), INVALID_FIELD_VALUE (external id), NAME_TAKEN,
   * EXTERNAL_ID_TAKEN.
   */
  async update(input: OrganizationChanges, actor: Actor): Promise<Organization> {
    const changes: Record<string, string | null> = {};
    if (input.name !== undefined) changes.name = cleanName(input.name ?? '');
    if (input.externalId !== undefined) changes.external_id = externalIdOf(input.externalId);
    const columns = Object.keys(changes);
    const sets = columns.map((column, i) => `${column} = $${i + 2}`);
    try {
      return await this.db.transaction(async (tx) => {
        await lockExpectedVersion(tx, 'organizations', 'ORGANIZATION', input.id, input.expectedVersion);
        if (columns.length === 0) return toOrganization((await tx.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = $1`, [input.id]))[0]);
        // The row is locked, so `old` holds the values replaced.
        const [rows] = await tx.query(
          `UPDATE organizations o SET ${sets.join(', ')}, version = o.version + 1, updated_at = now()
             FROM (SELECT id, name::text AS name, external_id FROM organizations WHERE id = $1) old
            WHERE o.id = old.id RETURNING ${ORGANIZATION_COLUMNS}, ${columns.map((column) => `old.${column} AS "old_${column}"`).join(', ')}`,
          [input.id, ...columns.map((column) => changes[column])],
        );
        await this.history.record(
          tx,
          actor,
          columns.map((column) => ({ organizationId: input.id, attribute: ORGANIZATION_ATTRIBUTES[column], from: rows[0][`old_${column}`], to: changes[column] })),
        );
        return toOrganization(rows[0]);
      });
    } catch (error) {
      throw await constraintError(this.db, error, { name: changes.name ?? undefined, externalId: changes.external_id });
    }
  }

  /** The organization with this name (ignoring case), created if there is none. */
  async findOrCreate(tx: EntityManager, name: string): Promise<Organization> {
    const clean = cleanName(name);
    await tx.query(`INSERT INTO organizations (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [clean]);
    const rows = await tx.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.name = $1`, [clean]);
    return toOrganization(rows[0]);
  }

  /** Locks the organization so members are not added while it is being changed elsewhere. */
  async requireForUpdate(tx: EntityManager, id: string): Promise<Organization> {
    const rows = isUuid(id) ? await tx.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = $1 FOR UPDATE`, [id]) : [];
    if (!rows[0]) throw badInput(problem('NOT_FOUND', { entity: 'ORGANIZATION', id: shownValue(id) }), 'organizationId');
    return toOrganization(rows[0]);
  }

  /** Adds these customers to the organization inside `tx`; those who were not members yet are recorded in history (both sides) as added by `actor`. */
  async addMembers(tx: EntityManager, organization: Organization, customerIds: readonly string[], actor: Actor): Promise<void> {
    await this.addMemberships(tx, customerIds.map((customerId) => ({ customerId, organizationId: organization.id })), actor);
  }

  /**
   * Adds many memberships at once inside `tx` (an import's batch); the new
   * ones are recorded in history (both sides) as added by `actor`, except
   * the customer's side for customers in `listedByCreation`, whose created
   * entry already lists their organizations.
   */
  async addMemberships(
    tx: EntityManager,
    pairs: ReadonlyArray<{ customerId: string; organizationId: string }>,
    actor: Actor,
    listedByCreation: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    if (pairs.length === 0) return;
    const added: Array<{ id: string; displayName: string; organizationId: string; organizationName: string }> = await tx.query(
      `WITH added AS (
         INSERT INTO customer_organizations (customer_id, organization_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING RETURNING customer_id, organization_id)
       SELECT c.id, c.display_name AS "displayName", o.id AS "organizationId", o.name AS "organizationName"
         FROM added a JOIN customers c ON c.id = a.customer_id JOIN organizations o ON o.id = a.organization_id`,
      [pairs.map((p) => p.customerId), pairs.map((p) => p.organizationId)],
    );
    const organizationIds = uniq(added.map((a) => a.organizationId));
    await this.history.record(
      tx,
      actor,
      groupBy(organizationIds, added, (a) => a.organizationId)
        .flatMap((members) => membershipChanges({ id: members[0].organizationId, name: members[0].organizationName }, members, true))
        .filter((entry) => !(entry.customerId && listedByCreation.has(entry.customerId))),
    );
  }

  /** Adds existing customers as members (NOT_FOUND on `organizationId` or `customerIds`); see addMembers. */
  async addCustomers(organizationId: string, customerIds: readonly string[], actor: Actor): Promise<Organization> {
    const ids = uniq(customerIds);
    assertIds(ids, 'customerIds');
    return this.db.transaction(async (tx) => {
      const organization = await this.requireForUpdate(tx, organizationId);
      const found: Array<{ id: string }> = await tx.query(`SELECT id FROM customers WHERE id = ANY($1::uuid[])`, [ids]);
      if (found.length !== ids.length) {
        const missing = ids.find((id) => !found.some((row) => row.id === id));
        throw badInput(problem('NOT_FOUND', { entity: 'CUSTOMER', id: shownValue(missing ?? '') }), 'customerIds');
      }
      await this.addMembers(tx, organization, ids, actor);
      return organization;
    });
  }

  /** Removes a member (NOT_FOUND for an unknown organization; a non-member changes nothing), recorded in history (both sides) by `actor`. */
  async removeCustomer(organizationId: string, customerId: string, actor: Actor): Promise<Organization> {
    const organization = await this.find(organizationId);
    if (!organization) throw notFound('ORGANIZATION', organizationId);
    if (!isUuid(customerId)) return organization;
    await this.db.transaction(async (tx) => {
      const removed: Array<{ id: string; displayName: string }> = await tx.query(
        `WITH removed AS (DELETE FROM customer_organizations WHERE organization_id = $1 AND customer_id = $2 RETURNING customer_id)
         SELECT c.id, c.display_name AS "displayName" FROM removed r JOIN customers c ON c.id = r.customer_id`,
        [organizationId, customerId],
      );
      await this.history.record(tx, actor, membershipChanges(organization, removed, false));
    });
    return organization;
  }
}
