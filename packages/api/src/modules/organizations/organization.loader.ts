import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Organization } from './organization.entity';
import { ORGANIZATION_COLUMNS, toOrganization } from './organization.service';

export function createOrganizationLoaders(db: DataSource) {
  return {
    organizationById: new DataLoader<string, Organization | null>(async (ids) => {
      const rows: Array<Record<string, any>> = await db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id as string, toOrganization(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    customerCountByOrganizationId: new DataLoader<string, number>(async (ids) => {
      const rows: Array<{ id: string; n: number }> = await db.query(
        `SELECT organization_id AS id, count(*)::int AS n FROM customer_organizations WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row.n]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
  };
}
