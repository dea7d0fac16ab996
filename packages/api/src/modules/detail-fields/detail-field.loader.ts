import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { StoredDetailValue } from '@cp/shared';
import { DetailFieldScope } from './detail-field.enums';
import type { FieldVisibility } from './field-visibility';
import { ownerTable } from './detail-owner-tables';

export type StoredDetails = Record<string, StoredDetailValue>;

/** Per request and per viewer: each batch reads only the keys the viewer may view. */
function detailsLoader(db: DataSource, visibility: FieldVisibility, scope: DetailFieldScope) {
  return new DataLoader<string, StoredDetails>(async (ids) => {
    const params: unknown[] = [ids];
    const details = await visibility.detailsSql(scope, 't', params);
    const rows: Array<{ id: string; details: StoredDetails }> = await db.query(
      `SELECT t.id, ${details} AS details FROM ${ownerTable(scope)} t WHERE t.id = ANY($1::uuid[])`,
      params,
    );
    const byId = new Map(rows.map((r) => [r.id, r.details]));
    return ids.map((id) => byId.get(id) ?? {});
  });
}

export function createDetailLoaders(db: DataSource, visibility: FieldVisibility) {
  return {
    customerDetails: detailsLoader(db, visibility, DetailFieldScope.CUSTOMER),
    organizationDetails: detailsLoader(db, visibility, DetailFieldScope.ORGANIZATION),
  };
}
