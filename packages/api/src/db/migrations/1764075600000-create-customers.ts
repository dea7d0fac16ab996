import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers, organizations and membership, with the indexes the list needs:
 * one keyset index per sort order (ending on id) and trigram indexes for
 * substring search on the built-in attributes and organization names.
 */
export class CreateCustomers1764075600000 implements MigrationInterface {
  name = 'CreateCustomers1764075600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name citext NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organizations_name_sort_idx ON organizations (lower(name::text), id)`);
    await q.query(`CREATE INDEX organizations_name_trgm_idx ON organizations USING gin ((name::text) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext UNIQUE,
        username citext UNIQUE,
        display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (email IS NOT NULL OR username IS NOT NULL)
      )`);
    // Text search over the built-in attributes: one trigram expression index (all agents may see these).
    await q.query(`
      CREATE INDEX customers_search_trgm_idx ON customers USING gin (
        (coalesce(email::text, '') || ' ' || coalesce(username::text, '') || ' ' || display_name) gin_trgm_ops)`);
    await q.query(`CREATE INDEX customers_display_name_sort_idx ON customers (lower(display_name), id)`);
    await q.query(`CREATE INDEX customers_email_sort_idx ON customers ((email IS NULL), lower(coalesce(email::text, '')), id)`);
    await q.query(`CREATE INDEX customers_created_sort_idx ON customers (created_at, id)`);
    await q.query(`CREATE INDEX customers_updated_sort_idx ON customers (updated_at, id)`);

    await q.query(`
      CREATE TABLE customer_organizations (
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (customer_id, organization_id)
      )`);
    await q.query(`CREATE INDEX customer_organizations_org_idx ON customer_organizations (organization_id, customer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE customer_organizations, customers, organizations`);
  }
}
