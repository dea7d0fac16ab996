import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agents and teams get a version too, so two admins editing one of them conflict instead of overwriting. */
export class AddPeopleVersions1764082800000 implements MigrationInterface {
  name = 'AddPeopleVersions1764082800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agents ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE teams ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agents DROP COLUMN version`);
    await q.query(`ALTER TABLE teams DROP COLUMN version`);
  }
}
