import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History entries about entitlements (granted, revoked, their detail values)
 * name their product for good (products are archived, never deleted) and
 * their entitlement while it exists: revoking it keeps the entries and
 * clears the link. The index keeps that clearing from scanning all history.
 */
export class LinkChangesToEntitlements1764307200000 implements MigrationInterface {
  name = 'LinkChangesToEntitlements1764307200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE changes ADD CONSTRAINT changes_product_id_fkey FOREIGN KEY (product_id) REFERENCES products(id)`);
    await q.query(`ALTER TABLE changes ADD CONSTRAINT changes_entitlement_id_fkey FOREIGN KEY (entitlement_id) REFERENCES entitlements(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX changes_entitlement_idx ON changes (entitlement_id) WHERE entitlement_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX changes_entitlement_idx`);
    await q.query(`ALTER TABLE changes DROP CONSTRAINT changes_entitlement_id_fkey, DROP CONSTRAINT changes_product_id_fkey`);
  }
}
