import { problem, quote, type Entity, type Problem } from '@cp/shared';
import { badInput, type DomainError } from '../common/domain-error';

/** PostgreSQL's SQLSTATE for a unique constraint violation. */
function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;

const constraintOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as { constraint?: string }).constraint : undefined;

/** The facts a write was attempting, named as the rules below use them. */
export interface AttemptedValues {
  name?: string;
  email?: string | null;
  username?: string | null;
  externalId?: string | null;
  label?: string;
  scope?: string;
  productName?: string;
  productId?: string;
  customerId?: string | null;
  organizationId?: string | null;
}

interface UniqueRule {
  field: string;
  /** Reads the row the attempt collided with, so the message quotes what is stored, not what was typed. */
  stored: { sql: string; params: Array<keyof AttemptedValues> };
  /** `stored` is the query's `stored` column (or the first param when the row is gone); `row` its other columns. */
  refusal(stored: string, row: Record<string, string | undefined>): Problem;
}

const UNIQUE_RULES: Record<string, UniqueRule> = {
  teams_name_key: named('TEAM', 'teams'),
  organizations_name_key: named('ORGANIZATION', 'organizations'),
  agents_email_key: {
    field: 'email',
    stored: { sql: 'SELECT email AS stored FROM agents WHERE email = $1', params: ['email'] },
    refusal: (stored) => problem('EMAIL_TAKEN', { entity: 'AGENT', email: quote(stored) }),
  },
  customers_email_key: identifier('email'),
  customers_username_key: identifier('username'),
  customers_external_id_key: externalId('CUSTOMER', 'customers'),
  organizations_external_id_key: externalId('ORGANIZATION', 'organizations'),
  detail_fields_scope_label_key: {
    field: 'label',
    stored: { sql: 'SELECT label AS stored FROM detail_fields WHERE label = $1 AND scope = $2', params: ['label', 'scope'] },
    refusal: (stored) => problem('DETAIL_FIELD_LABEL_TAKEN', { label: quote(stored) }),
  },
  products_name_key: {
    field: 'name',
    stored: { sql: 'SELECT name AS stored FROM products WHERE lower(name) = lower($1)', params: ['productName'] },
    refusal: (stored) => problem('NAME_TAKEN', { entity: 'PRODUCT', name: quote(stored) }),
  },
  entitlements_product_customer_key: entitled('customers', 'display_name', 'customerId'),
  entitlements_product_organization_key: entitled('organizations', 'name', 'organizationId'),
};

/** A second grant of a product to the same owner: names both as stored. */
function entitled(table: string, nameColumn: string, ownerParam: 'customerId' | 'organizationId'): UniqueRule {
  return {
    field: 'productId',
    stored: {
      sql: `SELECT p.name AS stored, (SELECT ${nameColumn}::text FROM ${table} WHERE id = $2) AS owner FROM products p WHERE p.id = $1`,
      params: ['productId', ownerParam],
    },
    refusal: (stored, row) => problem('ENTITLEMENT_EXISTS', { product: quote(stored), owner: quote(row.owner ?? '') }),
  };
}

function named(entity: Entity, table: string): UniqueRule {
  return {
    field: 'name',
    stored: { sql: `SELECT name AS stored FROM ${table} WHERE name = $1`, params: ['name'] },
    refusal: (stored) => problem('NAME_TAKEN', { entity, name: quote(stored) }),
  };
}

function identifier(column: 'email' | 'username'): UniqueRule {
  return {
    field: column,
    stored: { sql: `SELECT ${column} AS stored FROM customers WHERE ${column} = $1`, params: [column] },
    refusal: (stored) => problem('CUSTOMER_IDENTIFIER_TAKEN', { field: column, value: quote(stored) }),
  };
}

/** Compared exactly, as the unique index compares them. */
function externalId(entity: Entity, table: string): UniqueRule {
  return {
    field: 'externalId',
    stored: { sql: `SELECT external_id AS stored FROM ${table} WHERE external_id = $1`, params: ['externalId'] },
    refusal: (stored) => problem('EXTERNAL_ID_TAKEN', { entity, value: quote(stored) }),
  };
}

const CHECK_RULES: Record<string, { field: string; refusal: Problem }> = {
  customers_check: { field: 'email', refusal: problem('CUSTOMER_NEEDS_IDENTIFIER') },
  notes_one_owner_check: { field: 'customerId', refusal: problem('ONE_NOTE_OWNER') },
  entitlements_one_owner_check: { field: 'customerId', refusal: problem('ONE_ENTITLEMENT_OWNER') },
};

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, string | undefined>>>;
}

/**
 * The one place where constraint violations become what people read: a known
 * unique or check constraint → BAD_USER_INPUT naming the input field and,
 * for unique ones, quoting the stored value the attempt collided with (read
 * through `db`, outside the failed transaction). Anything else is returned
 * unchanged, to be rethrown and masked as an internal error.
 */
export async function constraintError(db: Queryable, error: unknown, attempted: AttemptedValues): Promise<unknown> {
  const constraint = constraintOf(error) ?? '';
  const check = sqlState(error) === '23514' ? CHECK_RULES[constraint] : undefined;
  if (check) return badInput(check.refusal, check.field);
  const rule = isUniqueViolation(error) ? UNIQUE_RULES[constraint] : undefined;
  if (!rule) return error;
  const params = rule.stored.params.map((name) => attempted[name] ?? null);
  const [row] = await db.query(rule.stored.sql, params);
  // A row deleted meanwhile: quote what was sent, which is what collided.
  const fallback = String(params[0] ?? '');
  return badInput(rule.refusal(row?.stored ?? fallback, row ?? {}), rule.field) satisfies DomainError;
}
