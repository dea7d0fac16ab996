import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal notes on one customer or one organization (never both: a check).
 * Deleting is soft (`deleted_at`, `deleted_by_id`) so that history can later
 * say who deleted what; every read skips deleted rows, and the list indexes
 * hold only live ones, newest first with the id breaking ties, as the keyset
 * order reads them (`note.loader.ts`).
 */
export class CreateNotes1764203600000 implements MigrationInterface {
  name = 'CreateNotes1764203600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid REFERENCES customers(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES agents(id),
        via_token_id uuid REFERENCES api_tokens(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by_id uuid REFERENCES agents(id),
        CONSTRAINT notes_one_owner_check CHECK (num_nonnulls(customer_id, organization_id) = 1),
        CONSTRAINT notes_body_check CHECK (char_length(body) BETWEEN 1 AND 10000),
        -- Stored text is NFC (see NormalizeStoredText).
        CONSTRAINT notes_body_nfc CHECK (body IS NFC NORMALIZED)
      )`);
    await q.query(`CREATE INDEX notes_customer_newest_idx ON notes (customer_id, created_at DESC, id DESC) WHERE deleted_at IS NULL AND customer_id IS NOT NULL`);
    await q.query(`CREATE INDEX notes_organization_newest_idx ON notes (organization_id, created_at DESC, id DESC) WHERE deleted_at IS NULL AND organization_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notes`);
  }
}
