import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support requests. The key's number comes from a sequence, so keys are
 * unique and never reused (a rolled-back insert leaves a gap, never a
 * repeat). Indexes match the lists: a reporter's requests newest first (the
 * profile, and per member for an organization), and the per-status counts.
 */
export class CreateRequests1764200000000 implements MigrationInterface {
  name = 'CreateRequests1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE request_status AS ENUM ('OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'RESOLVED', 'CLOSED')`);
    await q.query(`CREATE SEQUENCE request_number_seq AS bigint`);
    await q.query(`
      CREATE TABLE requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL UNIQUE DEFAULT nextval('request_number_seq'),
        key text GENERATED ALWAYS AS ('SUP-' || number) STORED UNIQUE,
        summary text NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 10000),
        status request_status NOT NULL DEFAULT 'OPEN',
        priority text CHECK (length(priority) BETWEEN 1 AND 50),
        reporter_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        external_url text CHECK (length(external_url) <= 2048),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Stored text is NFC (see NormalizeStoredText).
        CHECK (summary IS NFC NORMALIZED AND description IS NFC NORMALIZED AND priority IS NFC NORMALIZED AND external_url IS NFC NORMALIZED)
      )`);
    await q.query(`ALTER SEQUENCE request_number_seq OWNED BY requests.number`);
    // Newest first per reporter; the status filter and the counts read the same index.
    await q.query(`CREATE INDEX requests_reporter_newest_idx ON requests (reporter_id, created_at DESC, id DESC) INCLUDE (status)`);
    // ON DELETE SET NULL of an organization finds its requests without a scan.
    await q.query(`CREATE INDEX requests_organization_idx ON requests (organization_id) WHERE organization_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE requests`);
    await q.query(`DROP TYPE request_status`);
  }
}
