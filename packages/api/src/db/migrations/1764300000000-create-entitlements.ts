import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products (names unique ignoring case, archivable) and entitlements: a
 * product granted to one customer or one organization (never both: a
 * check), at most once per owner (two unique constraints), with its own
 * detail values (scope ENTITLEMENT) in `details` like customers and
 * organizations. Owners' entitlements are read by owner id (the two
 * partial indexes); the product filter of the customers list reads the
 * unique constraints, which start with the product.
 */
export class CreateEntitlements1764300000000 implements MigrationInterface {
  name = 'CreateEntitlements1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT products_name_check CHECK (char_length(name) BETWEEN 1 AND 200),
        -- Stored text is NFC (see NormalizeStoredText).
        CONSTRAINT products_name_nfc CHECK (name IS NFC NORMALIZED)
      )`);
    await q.query(`CREATE UNIQUE INDEX products_name_key ON products (lower(name))`);
    await q.query(`
      CREATE TABLE entitlements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products(id),
        customer_id uuid REFERENCES customers(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
        details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT entitlements_one_owner_check CHECK (num_nonnulls(customer_id, organization_id) = 1),
        CONSTRAINT entitlements_details_nfc CHECK (details::text IS NFC NORMALIZED),
        CONSTRAINT entitlements_product_customer_key UNIQUE (product_id, customer_id),
        CONSTRAINT entitlements_product_organization_key UNIQUE (product_id, organization_id)
      )`);
    await q.query(`CREATE INDEX entitlements_customer_idx ON entitlements (customer_id) WHERE customer_id IS NOT NULL`);
    await q.query(`CREATE INDEX entitlements_organization_idx ON entitlements (organization_id) WHERE organization_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE entitlements, products`);
  }
}
