import type { DataSource } from 'typeorm';
import { problem } from '@cp/shared';
import { Product } from './product.entity';
import type { UpdateProductInput } from './product.inputs';
import { badInput } from '../../common/domain-error';
import { lockExpectedVersion } from '../../common/optimistic-lock';
import { constraintError } from '../../db/pg-errors';
import { cleanName } from '../organizations/organization.service';

/** Columns of a product over the alias `p`. */
export const PRODUCT_COLUMNS = `p.id, p.name, p.archived, p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

export const toProduct = (row: Record<string, any>): Product =>
  Object.assign(new Product(), { id: row.id, name: row.name, archived: row.archived, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt });

/**
 * Products (issue 7): admins create, rename and archive them; names are
 * unique ignoring case (a clash is NAME_TAKEN quoting the stored name,
 * through `db/pg-errors.ts`). Archiving only stops new grants.
 */
export class ProductService {
  constructor(private readonly db: DataSource) {}

  /** Every product by name (lower case, then id); archived ones only with `includeArchived`. */
  async list(includeArchived: boolean): Promise<Product[]> {
    const rows = await this.db.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE $1 OR NOT p.archived ORDER BY lower(p.name), p.id`, [includeArchived]);
    return rows.map(toProduct);
  }

  /** Creates a product. Throws BAD_USER_INPUT NAME_EMPTY or NAME_TAKEN (field `name`). */
  async create(name: string): Promise<Product> {
    const clean = cleanName(name);
    try {
      const rows = await this.db.query(`INSERT INTO products AS p (name) VALUES ($1) RETURNING ${PRODUCT_COLUMNS}`, [clean]);
      return toProduct(rows[0]);
    } catch (error) {
      throw await constraintError(this.db, error, { productName: clean });
    }
  }

  /**
   * Renames and/or archives (restores) a product. Throws NOT_FOUND, CONFLICT
   * STALE_VERSION, NAME_EMPTY (also for `name: null`), NOT_CLEARABLE (`archived: null`) or NAME_TAKEN. Nothing to change keeps the version.
   */
  async update(input: UpdateProductInput): Promise<Product> {
    // An explicit null asks to clear: neither a name nor the archived flag can be (API.md, update inputs).
    if (input.name === null) throw badInput(problem('NAME_EMPTY'), 'name');
    if (input.archived === null) throw badInput(problem('NOT_CLEARABLE', { field: 'archived' }), 'archived');
    const name = input.name === undefined ? null : cleanName(input.name);
    const archived = input.archived ?? null;
    try {
      return await this.db.transaction(async (tx) => {
        await lockExpectedVersion(tx, 'products', 'PRODUCT', input.id, input.expectedVersion);
        const [current] = (await tx.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1`, [input.id])).map(toProduct);
        if ((name ?? current.name) === current.name && (archived ?? current.archived) === current.archived) return current;
        const [rows] = await tx.query(
          `UPDATE products p SET name = coalesce($2, p.name), archived = coalesce($3, p.archived), version = p.version + 1, updated_at = now()
            WHERE p.id = $1 RETURNING ${PRODUCT_COLUMNS}`,
          [input.id, name, archived],
        );
        return toProduct(rows[0]);
      });
    } catch (error) {
      throw await constraintError(this.db, error, { productName: name ?? undefined });
    }
  }
}
