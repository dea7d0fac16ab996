import { DataSource } from 'typeorm';
import { cleanIdentifier, defaultDisplayName, emailProblem, identifierRefusal, parseIdentifiers, problem, problemText, shownValue, usernameProblem, type Identifier, type Problem } from '@cp/shared';
import { Customer } from './customer.entity';
import { AddCustomerStatus, CustomerOrderField, SortDirection, type AddCustomersInput, type CustomerFilter, type CustomerOrder, type UpdateCustomerInput } from './customer.inputs';
import { badInput } from '../../common/domain-error';
import { externalIdOf } from '../../common/external-id';
import { lockExpectedVersion } from '../../common/optimistic-lock';
import { isUuid } from '../../common/ids';
import { matchesText } from '../../common/like';
import { keyAfter, keyOrderBy, keysetPage, keysetWalk, type KeysetOrder } from '../../common/keyset';
import type { CountResult, Page } from '../../common/connection';
import { constraintError } from '../../db/pg-errors';
import { ORGANIZATION_COLUMNS, OrganizationService, toOrganization } from '../organizations/organization.service';
import { entitlementsOfCustomerJson } from '../entitlements/entitlement.loader';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { FieldVisibility } from '../detail-fields/field-visibility';
import type { DetailValueStore } from '../detail-values/detail-value.store';
import type { StoredDetails } from '../detail-values/detail-value.loader';
import { customerTieBreak } from './customer-sort-keys';
import type { HistoryService } from '../history/history.service';
import type { Actor } from '../../auth/viewer';

/** Counting every match of a text search is cut off here (clients show "1,000+"). */
export const SEARCH_COUNT_CAP = 1000;

/** From this many text matches on (counted per branch, capped), a search walks the sort order instead of fetching matches by id. */
export const DENSE_SEARCH = 2000;

/** The most customers a search walks in the list's order, reading the table per row, before it fetches the matches by id instead. */
export const WALK_BUDGET = 10_000;

/** Up to this many customers matching detail filters are sorted; more are found by walking the order (`keysetPage` `fewFirst`). */
export const FEW_FILTERED = 500;

/**
 * The walk's budget by name with no other filter: the name order's index
 * covers the search text, so that walk reads no table rows and goes about
 * five times further for the same time (CoverSearchWalks migration).
 */
export const NAME_WALK_BUDGET = 60_000;

/**
 * The walk's budget when it looks a branch up per walked customer (its
 * detail values or organizations, `searchPlan`): each such row costs tens
 * of microseconds more than one tested on the index alone, so the walk
 * gives up (and fetches the matches by id) after fewer rows.
 */
export const LOOKUP_WALK_BUDGET = 3_000;

/**
 * The probe counts detail-value matches up to this many: fewer are hashed
 * for the walk, more are looked up per walked customer. Counting further
 * read the trigram index's whole posting list of a common word (20–50 ms
 * at 1M customers, 14M detail search rows); a LIMIT this low lets
 * PostgreSQL scan the table until it has them instead, which stops early
 * for a common word.
 */
export const DENSE_DETAILS = 200;

/**
 * How far the probe reads the name order's index (after the cursor) for
 * built-in matches, once the trigram index holds more than a page of them:
 * a term that fills the page within these rows ('son', 'ki') is walked
 * without counting its matches, which rechecked up to `DENSE_SEARCH` table
 * rows, one page read each. A rare term never reads them.
 */
export const PREFIX_ROWS = 3_000;

/**
 * A text search's plan (`CustomerService.searchPlan`): `matches`, the
 * condition finding the matches by id; with many matches also `walk`, the
 * per-row test for walking the list's order, and `knownCount` when the
 * probe already proves the capped count.
 */
interface SearchPlan {
  matches: string;
  walk?: string;
  /** Whether `walk` looks a branch up per walked customer (`LOOKUP_WALK_BUDGET`). */
  lookups?: boolean;
  knownCount?: CountResult;
}

export const CUSTOMER_COLUMNS = `c.id, c.external_id AS "externalId", c.email::text AS email, c.username::text AS username, c.display_name AS "displayName",
  c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

const ORDER_KEYS: Record<Exclude<CustomerOrderField, CustomerOrderField.DETAIL>, KeysetOrder['keys']> = {
  DISPLAY_NAME: customerTieBreak('c'),
  // Customers without an email come last (ascending).
  EMAIL: [{ sql: '(c.email IS NULL)', type: 'boolean' }, { sql: `lower(coalesce(c.email::text, ''))`, type: 'text' }, ...customerTieBreak('c')],
  CREATED_AT: [{ sql: 'c.created_at', type: 'timestamptz' }, ...customerTieBreak('c')],
  UPDATED_AT: [{ sql: 'c.updated_at', type: 'timestamptz' }, ...customerTieBreak('c')],
};

/**
 * A customer order on a built-in attribute over the alias `c`. Its name is
 * the cursor's order tag (`DISPLAY_NAME:ASC`, ...), so every list in this
 * order (the customers list, an organization's members) shares one cursor format.
 */
export function builtInOrder(field: Exclude<CustomerOrderField, CustomerOrderField.DETAIL>, direction: SortDirection): KeysetOrder {
  return { name: `${field}:${direction}`, keys: ORDER_KEYS[field], descending: direction === SortDirection.DESC };
}

export interface CustomerListArgs {
  first: number;
  after?: string | null;
  query?: string | null;
  filter?: CustomerFilter | null;
  orderBy?: CustomerOrder | null;
  /** Read the page's visible detail values in the page's own statement (for a caller that shows them). */
  withDetails?: boolean;
  /** Read each customer's organizations in the page's own statement, too. */
  withOrganizations?: boolean;
  /** Read each customer's entitlements (with products) in the page's own statement, too. */
  withEntitlements?: boolean;
  /** The client asks for the page's count: a search proves a capped count in its probe where that is cheaper than a count statement. */
  withCount?: boolean;
}

/** A page of customers; with `withDetails`, also each one's visible detail values by id (and in each customer's `prefetched`, with its organizations when asked for). */
export interface CustomerPage extends Page<Customer> {
  details?: Map<string, StoredDetails>;
  /** With `withEntitlements`: each customer's entitlement rows (`entitlementsOfCustomers`, as JSON) by id, for `entitlementOfRow`. */
  entitlements?: Map<string, Array<Record<string, unknown>>>;
}

export interface AddCustomersResult {
  customers: Customer[];
  created: number;
  existing: number;
  errors: Array<{ input: string; message: string; problem: Problem }>;
  results: Array<{ input: string; status: AddCustomerStatus; customer: Customer | null; message: string | null; problem: Problem | null }>;
}

/** An entry add-customers refuses: the value as shown to people, and why. */
function refusedEntry(entry: Extract<Identifier, { kind: 'invalid' }>): { input: string; message: string; problem: Problem } {
  const refusal = identifierRefusal(entry.input, entry.problem);
  return { input: entry.input, message: problemText(refusal), problem: refusal };
}

export const toCustomer = (row: Record<string, any>): Customer =>
  Object.assign(new Customer(), {
    id: row.id,
    externalId: row.externalId,
    email: row.email,
    username: row.username,
    displayName: row.displayName,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

/** The organizations of the customer `c` as a JSON array of ORGANIZATION_COLUMNS rows, in the order of `organizationsByCustomerId`. */
const ORGANIZATIONS_OF_C = `(SELECT coalesce(json_agg(x ORDER BY lower(x.name), x.id), '[]') FROM (
    SELECT ${ORGANIZATION_COLUMNS} FROM customer_organizations co JOIN organizations o ON o.id = co.organization_id WHERE co.customer_id = c.id) x)`;

/** The history attribute name of each built-in column `update` may change. */
const CUSTOMER_ATTRIBUTES: Record<string, string> = { email: 'email', username: 'username', display_name: 'displayName', external_id: 'externalId' };

export class CustomerService {
  constructor(
    private readonly db: DataSource,
    private readonly organizations: OrganizationService,
    private readonly detailValues: DetailValueStore,
    private readonly history: HistoryService,
  ) {}

  async find(id: string): Promise<Customer | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query(`SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.id = $1`, [id]);
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  /**
   * One page of customers. Search, filters and sort order on detail fields go
   * through the viewer's visibility: a hidden field never matches, filters
   * or sorts (it is refused like an unknown key), so neither results, their
   * order nor their count can reveal a hidden value. With `withDetails`, the
   * page statement also reads each row's visible values (the store's
   * projection), so a list showing them reads its rows once; with
   * `withOrganizations`, each row's organizations too (as JSON, by name).
   * Both land in each customer's `prefetched`. With `withEntitlements`, each
   * row's entitlement rows (as JSON) come back by customer id. A search
   * (`searchPlan`) costs a probe and the page, and a second page statement
   * when a walk of many matches runs out of budget.
   */
  async list({ first, after, query, filter, orderBy, withDetails, withOrganizations, withEntitlements, withCount }: CustomerListArgs, visibility: FieldVisibility): Promise<CustomerPage> {
    const order = await this.order(orderBy, visibility);
    const text = query?.trim();
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = await this.conditions(filter, visibility, param);
    // The name order's index covers the search text: a walk of it with no other filter reads no table rows.
    const nameWalk = where.length === 0 && order.name.startsWith(`${CustomerOrderField.DISPLAY_NAME}:`);
    const search = text ? await this.searchPlan(text, visibility, param, { filtered: where.length > 0, prefix: nameWalk ? { order, after, first, withCount } : null }) : null;
    // The projection's parameter goes last, after the filter's: the count reuses the filter's parameters without it.
    const countParams = params.length;
    const details = withDetails ? new Map<string, StoredDetails>() : undefined;
    const entitlements = withEntitlements ? new Map<string, Array<Record<string, unknown>>>() : undefined;
    const projection = details ? `, ${await this.detailValues.projection(DetailFieldScope.CUSTOMER, 'c', visibility, params)} AS details` : '';
    const list = {
      db: this.db,
      columns:
        CUSTOMER_COLUMNS +
        projection +
        (withOrganizations ? `, ${ORGANIZATIONS_OF_C} AS organizations` : '') +
        (entitlements ? `, ${entitlementsOfCustomerJson('c.id')} AS entitlements` : ''),
      params,
      order,
      first,
      after,
      toNode: (row: Record<string, unknown>) => {
        const customer = toCustomer(row);
        if (details) details.set(customer.id, row.details as StoredDetails);
        if (entitlements) entitlements.set(customer.id, row.entitlements as Array<Record<string, unknown>>);
        if (details || withOrganizations) {
          customer.prefetched = {
            details: row.details as StoredDetails | undefined,
            organizations: (row.organizations as Array<Record<string, any>> | undefined)?.map((o) => toOrganization({ ...o, createdAt: new Date(o.createdAt), updatedAt: new Date(o.updatedAt) })),
          };
        }
        return customer;
      },
      count: (filterSql: string, filterParams: unknown[]) =>
        search?.knownCount ? Promise.resolve(search.knownCount) : this.count(filterSql, filterParams.slice(0, countParams), search ? SEARCH_COUNT_CAP : null),
    };
    const budget = search?.lookups ? LOOKUP_WALK_BUDGET : nameWalk ? NAME_WALK_BUDGET : WALK_BUDGET;
    const walked = search?.walk ? await keysetWalk({ ...list, table: 'customers', alias: 'c', where, match: search.walk, budget }) : null;
    const page =
      walked ??
      (await keysetPage({
        ...list,
        from: 'customers c',
        where: search ? [...where, search.matches] : where,
        // Detail filters PostgreSQL cannot size: few matches are sorted, many walk the order (a search sizes itself).
        fewFirst: !search && filter?.details?.length ? { id: 'c.id', limit: FEW_FILTERED } : undefined,
      }));
    return { ...page, details, entitlements };
  }

  private async count(filterSql: string, params: unknown[], cap: number | null): Promise<CountResult> {
    if (cap === null) {
      const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM customers c ${filterSql}`, params);
      return { count: n, exact: true };
    }
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM customers c ${filterSql} LIMIT ${cap + 1}) m`, params);
    return n > cap ? { count: cap, exact: false } : { count: n, exact: true };
  }

  /** The list's conditions besides a text search: organization, product and detail-value filters. */
  private async conditions(filter: CustomerFilter | null | undefined, visibility: FieldVisibility, param: (value: unknown) => string): Promise<string[]> {
    const where: string[] = [];
    if (filter?.organizationId) {
      if (!isUuid(filter.organizationId)) throw badInput(problem('NOT_FOUND', { entity: 'ORGANIZATION', id: shownValue(filter.organizationId) }), 'filter.organizationId');
      where.push(`c.id IN (SELECT customer_id FROM customer_organizations WHERE organization_id = ${param(filter.organizationId)})`);
    }
    if (filter?.productId) {
      // As organizationId: an id that cannot exist is refused, an unknown one matches nobody.
      if (!isUuid(filter.productId)) throw badInput(problem('NOT_FOUND', { entity: 'PRODUCT', id: shownValue(filter.productId) }), 'filter.productId');
      const product = param(filter.productId);
      where.push(`c.id IN (SELECT e.customer_id FROM entitlements e WHERE e.product_id = ${product} AND e.customer_id IS NOT NULL
        UNION SELECT co.customer_id FROM customer_organizations co JOIN entitlements e ON e.organization_id = co.organization_id WHERE e.product_id = ${product})`);
    }
    for (const condition of filter?.details ?? []) {
      where.push(await this.detailValues.filterCondition(DetailFieldScope.CUSTOMER, 'c', condition, visibility, param));
    }
    return where;
  }

  /**
   * How to find the customers matching a text search over built-in
   * attributes, organization names and the detail values the viewer may
   * view (each branch on its own trigram index; `matchesText`: a substring,
   * or a word start for one or two characters). The best plan depends on
   * how many customers match, which PostgreSQL guesses badly, so one probe
   * counts each branch's matches up to `DENSE_SEARCH` (detail values up to
   * `DENSE_DETAILS`, which already makes them many). In the name order
   * without filters, once the trigram index has a page of built-in matches,
   * it reads the page's stretch of the order's index (`PREFIX_ROWS`): a
   * page of built-in matches there makes them many without counting them
   * (counted only to prove `knownCount`, when the client asks for the count):
   * - fewer in all: `matches` fetches them by id from the indexes (an OR
   *   here walked the whole sort index: 115 ms for a rare term at 100k
   *   customers);
   * - more: `walk` is the per-row test for walking the sort order, where a
   *   page fills after first ÷ density rows (fetching 100k matches and
   *   sorting them reads most of the table: seconds at 1M customers); a
   *   branch with few matches is hashed once, one with many is looked up
   *   per walked row (hashing 100k detail matches read 100k table rows),
   *   and such a walk has the smaller `LOOKUP_WALK_BUDGET`.
   *   `matches` stays the fallback for a walk that runs out of budget (the
   *   matches lie late in the order: a first name in a list by name).
   * `knownCount` is the capped count when the probe already proves it (no
   * other filter, more built-in matches than the cap). See bench/ and DESIGN.md.
   */
  private async searchPlan(
    text: string,
    visibility: FieldVisibility,
    param: (value: unknown) => string,
    { filtered, prefix }: { filtered: boolean; prefix: { order: KeysetOrder; after?: string | null; first: number; withCount?: boolean } | null },
  ): Promise<SearchPlan> {
    const detailSearch = await this.detailValues.search(DetailFieldScope.CUSTOMER, visibility);
    const builtIn = (alias: string, p: string) => matchesText(alias, p, text);
    const organizations = (p: string) => `SELECT co.customer_id FROM customer_organizations co JOIN organizations o ON o.id = co.organization_id WHERE ${matchesText('o', p, text)}`;
    const details = (p: string, fields: string) => detailSearch.ownersMatching(p, fields, text);
    const capped = (sql: string, cap: number) => `(SELECT count(*)::int FROM (${sql} LIMIT ${cap}) b)`;
    const probeParams: unknown[] = [text, detailSearch.fieldIds];
    const counted = (cap: number) => capped(`SELECT 1 FROM customers m WHERE ${builtIn('m', '$1')}`, cap);
    let stretch = '';
    let customers = `false AS "denseStretch", ${counted(DENSE_SEARCH)} AS customers`;
    if (prefix) {
      // First up to a page of built-in matches (a rare term: from the trigram index, and exact), then the page's own stretch
      // of the name order, as the walk reads it (index only). PostgreSQL evaluates AND and CASE from the left and runs a
      // subquery only when it gets there: a dense stretch counts the built-in matches only for a client asking for the count.
      const after = prefix.after ? `WHERE ${keyAfter(prefix.order, prefix.after, probeParams)}` : '';
      const rows = `SELECT c.search_text FROM customers c ${after} ORDER BY ${keyOrderBy(prefix.order)} LIMIT ${PREFIX_ROWS}`;
      const page = prefix.first;
      stretch = `WITH few AS MATERIALIZED (SELECT ${counted(page + 1)} AS n),
        stretch AS MATERIALIZED (SELECT few.n > ${page} AND ${capped(`SELECT 1 FROM (${rows}) c WHERE ${builtIn('c', '$1')}`, page + 1)} > ${page} AS dense FROM few) `;
      const whenDense = prefix.withCount ? counted(SEARCH_COUNT_CAP + 1) : 'NULL';
      // Dense detail matches make it a walk whatever the built-in count: counted only for a client asking for the
      // count (2,000 word starts of 'ki' read 70k rows of the name index: 40 of the probe's 53 ms at 1M customers).
      const otherwise = prefix.withCount ? counted(DENSE_SEARCH) : `CASE WHEN dense_details.n >= ${DENSE_DETAILS} THEN NULL ELSE ${counted(DENSE_SEARCH)} END`;
      stretch += `, dense_details AS MATERIALIZED (SELECT ${capped(details('$1', '$2'), DENSE_DETAILS)} AS n) `;
      customers = `stretch.dense AS "denseStretch", CASE WHEN few.n <= ${page} THEN few.n WHEN stretch.dense THEN ${whenDense} ELSE ${otherwise} END AS customers`;
    }
    // With a dense stretch or dense detail matches, `customers` counts only for a client asking for the count (null otherwise).
    const [probe]: Array<{ denseStretch: boolean; customers: number | null; organizations: number; details: number }> = await this.db.query(
      `${stretch}SELECT ${customers}, ${capped(organizations('$1'), DENSE_SEARCH)} AS organizations, ${stretch ? 'dense_details.n' : capped(details('$1', '$2'), DENSE_DETAILS)} AS details
         ${stretch ? 'FROM few, stretch, dense_details' : ''}`,
      probeParams,
    );
    const [p, fields] = [param(text), param(detailSearch.fieldIds)];
    const matches = `c.id = ANY(ARRAY(SELECT m.id FROM customers m WHERE ${builtIn('m', p)} UNION ${organizations(p)} UNION ${details(p, fields)}))`;
    const denseDetails = probe.details >= DENSE_DETAILS;
    if (!probe.denseStretch && !denseDetails && probe.customers! + probe.organizations + probe.details < DENSE_SEARCH) return { matches };
    const denseOrganizations = probe.organizations >= DENSE_SEARCH;
    // OFFSET 0 keeps it a lookup per walked customer (PostgreSQL would otherwise hash every member of every matching organization).
    const memberOf = `EXISTS (SELECT 1 FROM customer_organizations co JOIN organizations o ON o.id = co.organization_id WHERE co.customer_id = c.id AND ${matchesText('o', p, text)} OFFSET 0)`;
    const walk = [
      builtIn('c', p),
      denseOrganizations ? memberOf : `c.id IN (${organizations(p)})`,
      denseDetails ? detailSearch.ownerMatches('c.id', p, fields, text) : `c.id IN (${details(p, fields)})`,
    ];
    const knownCount = !filtered && (probe.customers ?? 0) > SEARCH_COUNT_CAP ? { count: SEARCH_COUNT_CAP, exact: false } : undefined;
    return { matches, walk: `(${walk.join(' OR ')})`, lookups: denseOrganizations || denseDetails, knownCount };
  }

  private async order(orderBy: CustomerOrder | null | undefined, visibility: FieldVisibility): Promise<KeysetOrder> {
    const field = orderBy?.field ?? CustomerOrderField.DISPLAY_NAME;
    const direction = orderBy?.direction ?? SortDirection.ASC;
    if (field !== CustomerOrderField.DETAIL) return builtInOrder(field, direction);
    return this.detailValues.sortOrder(DetailFieldScope.CUSTOMER, orderBy?.fieldKey ?? '', 'c', direction === SortDirection.DESC, visibility);
  }

  /**
   * Adds customers from pasted identifiers (`parseIdentifiers`: emails,
   * `Name <email>`, usernames): each valid one is created or found; invalid
   * ones are reported with their specific reason and do not stop the others.
   * A new customer's display name is the name pasted with the address, else
   * the local part or username; an existing customer keeps theirs. Everything
   * happens in one transaction, including joining the organization (recorded
   * in history as done by `actor`).
   */
  async add(input: AddCustomersInput, actor: Actor): Promise<AddCustomersResult> {
    if (input.organizationId && input.newOrganizationName) {
      throw badInput(problem('ORGANIZATION_BOTH_GIVEN'), 'newOrganizationName');
    }
    const entries = parseIdentifiers(input.identifiers);
    if (entries.length === 0) throw badInput(problem('NO_IDENTIFIERS'), 'identifiers');
    const errors = entries.filter((e): e is Extract<Identifier, { kind: 'invalid' }> => e.kind === 'invalid').map((e) => refusedEntry(e));
    const valid = entries.filter((e): e is Exclude<Identifier, { kind: 'invalid' }> => e.kind !== 'invalid');

    return this.db.transaction(async (tx) => {
      const organization = input.organizationId
        ? await this.organizations.requireForUpdate(tx, input.organizationId)
        : input.newOrganizationName
          ? await this.organizations.findOrCreate(tx, input.newOrganizationName)
          : null;
      const customers: Customer[] = [];
      const outcome = new Map<string, AddCustomersResult['results'][number]>();
      for (const entry of valid) {
        const column = entry.kind === 'email' ? 'email' : 'username';
        const value = entry.kind === 'email' ? entry.email : entry.username;
        // ON CONFLICT keeps two agents adding the same person at once from failing.
        const inserted = await tx.query(
          `INSERT INTO customers AS c (${column}, display_name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING ${CUSTOMER_COLUMNS}`,
          [value, defaultDisplayName(entry)],
        );
        const customer = toCustomer(inserted[0] ?? (await tx.query(`SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.${column} = $1`, [value]))[0]);
        customers.push(customer);
        outcome.set(entry.input, { input: entry.input, status: inserted[0] ? AddCustomerStatus.CREATED : AddCustomerStatus.EXISTING, customer, message: null, problem: null });
      }
      if (organization && customers.length > 0) {
        await this.organizations.addMembers(tx, organization, customers.map((c) => c.id), actor);
      }
      const results = entries.map(
        (entry) =>
          outcome.get(entry.input) ?? {
            status: AddCustomerStatus.REJECTED,
            customer: null,
            ...(entry.kind === 'invalid' ? refusedEntry(entry) : { input: entry.input, message: null, problem: null }),
          },
      );
      const created = results.filter((r) => r.status === AddCustomerStatus.CREATED).length;
      return { customers, created, existing: customers.length - created, errors, results };
    });
  }

  /**
   * Changes built-in attributes (omitted ones stay, null or '' clears email,
   * username or external id) with the version check; each changed one is
   * recorded in history as done by `actor`, in the same transaction. Throws
   * CONFLICT, NOT_FOUND, BAD_USER_INPUT (identifier reasons, NAME_EMPTY,
   * INVALID_FIELD_VALUE for an external id) or a taken-identifier or
   * EXTERNAL_ID_TAKEN refusal.
   */
  async update(input: UpdateCustomerInput, actor: Actor): Promise<Customer> {
    const changes: Record<string, string | null> = {};
    // Cleaned and checked like an add-customers entry, with the same reasons.
    for (const [field, check] of [['email', emailProblem], ['username', usernameProblem]] as const) {
      const given = input[field];
      if (given === undefined) continue;
      const value = cleanIdentifier(given ?? '') || null;
      const refusal = value === null ? null : check(value);
      if (refusal) throw badInput(identifierRefusal(given!, refusal), field);
      changes[field] = value;
    }
    // `displayName: null` asks to clear a name, which every customer has: refused like an empty one.
    if (input.displayName !== undefined) changes.display_name = (input.displayName ?? '').trim();
    if (input.displayName !== undefined && !changes.display_name) throw badInput(problem('NAME_EMPTY'), 'displayName');
    if (input.externalId !== undefined) changes.external_id = externalIdOf(input.externalId);

    const columns = Object.keys(changes);
    const params: unknown[] = [input.id, input.expectedVersion, ...columns.map((c) => changes[c])];
    const sets = columns.map((column, i) => `${column} = $${i + 3}`);
    try {
      return await this.db.transaction(async (tx) => {
        await lockExpectedVersion(tx, 'customers', 'CUSTOMER', input.id, input.expectedVersion);
        if (columns.length === 0) return toCustomer((await tx.query(`SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.id = $1`, [input.id]))[0]);
        // TypeORM answers an UPDATE ... RETURNING with [rows, affected]. The row is locked, so `old` holds the values replaced.
        const [rows] = await tx.query(
          `UPDATE customers c SET ${sets.join(', ')}, version = c.version + 1, updated_at = now()
             FROM (SELECT id, email::text AS email, username::text AS username, display_name, external_id FROM customers WHERE id = $1) old
            WHERE c.id = old.id AND c.version = $2
            RETURNING ${CUSTOMER_COLUMNS}, ${columns.map((column) => `old.${column} AS "old_${column}"`).join(', ')}`,
          params,
        );
        const customer = toCustomer(rows[0]);
        await this.history.record(
          tx,
          actor,
          columns.map((column) => ({ customerId: customer.id, attribute: CUSTOMER_ATTRIBUTES[column], from: rows[0][`old_${column}`], to: changes[column] })),
        );
        return customer;
      });
    } catch (error) {
      throw await constraintError(this.db, error, { email: changes.email, username: changes.username, externalId: changes.external_id });
    }
  }
}
