import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History (issue 7): one row per changed attribute, detail value,
 * membership, note or entitlement of one customer or one organization,
 * written in the transaction of the change itself. `at` is the
 * transaction's `now()`, shared by all entries of one write, so `seq` orders
 * them; lists read newest first by (at, seq) from the per-owner indexes.
 * `entitlement_id`/`product_id` carry no foreign keys yet (entitlements are
 * built elsewhere; they are added when both land).
 */
export class CreateChanges1764303600000 implements MigrationInterface {
  name = 'CreateChanges1764303600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES agents(id),
        via_token_id uuid REFERENCES api_tokens(id) ON DELETE SET NULL,
        customer_id uuid REFERENCES customers(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
        field_id uuid REFERENCES detail_fields(id) ON DELETE CASCADE,
        attribute text,
        entitlement_id uuid,
        product_id uuid,
        from_value jsonb,
        to_value jsonb,
        CONSTRAINT changes_one_owner_check CHECK (num_nonnulls(customer_id, organization_id) = 1),
        CONSTRAINT changes_one_subject_check CHECK (num_nonnulls(field_id, attribute) = 1),
        -- Stored text is NFC (see NormalizeStoredText).
        CONSTRAINT changes_attribute_nfc CHECK (attribute IS NFC NORMALIZED),
        CONSTRAINT changes_from_value_nfc CHECK (from_value::text IS NFC NORMALIZED),
        CONSTRAINT changes_to_value_nfc CHECK (to_value::text IS NFC NORMALIZED)
      )`);
    await q.query(`CREATE INDEX changes_customer_newest_idx ON changes (customer_id, at DESC, seq DESC) WHERE customer_id IS NOT NULL`);
    await q.query(`CREATE INDEX changes_organization_newest_idx ON changes (organization_id, at DESC, seq DESC) WHERE organization_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE changes`);
  }
}
