import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Product } from './product.entity';
import { PRODUCT_COLUMNS, toProduct } from './product.service';

/** Per-request loaders; lists of entitlements read their products with them and prime `productById`. */
export function createProductLoaders(db: DataSource) {
  return {
    productById: new DataLoader<string, Product | null>(async (ids) => {
      const rows: Array<Record<string, any>> = await db.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id as string, toProduct(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
