import { problem, quote, shownValue } from '@cp/shared';
import type { DataSource } from 'typeorm';
import { Entitlement } from './entitlement.entity';
import type { GrantEntitlementInput } from './entitlement.inputs';
import type { DetailValueStore } from '../detail-values/detail-value.store';
import { detailOwner } from '../detail-values/detail-owner.registry';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { ChangeSubject, HistoryService } from '../history/history.service';
import type { Actor } from '../../auth/viewer';
import { badInput, notFound } from '../../common/domain-error';
import { isUuid } from '../../common/ids';
import { constraintError } from '../../db/pg-errors';

/** Columns of an entitlement over the alias `e`. */
export const ENTITLEMENT_COLUMNS = `e.id, e.product_id AS "productId", e.customer_id AS "customerId", e.organization_id AS "organizationId",
  e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

export const toEntitlement = (row: Record<string, any>): Entitlement =>
  Object.assign(new Entitlement(), {
    id: row.id,
    productId: row.productId,
    customerId: row.customerId,
    organizationId: row.organizationId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

/**
 * Entitlements (issue 7): any agent grants a product that is not archived to
 * one customer or one organization, at most once per owner, and revokes it.
 * Their detail values go through the detail-value store like every owner's.
 */
export class EntitlementService {
  constructor(
    private readonly db: DataSource,
    private readonly detailValues: DetailValueStore,
    private readonly history: HistoryService,
  ) {}

  /**
   * Grants a product. Throws BAD_USER_INPUT: ONE_ENTITLEMENT_OWNER (field
   * `customerId`), NOT_FOUND naming `productId`/`customerId`/`organizationId`
   * for an unknown id, PRODUCT_ARCHIVED (field `productId`), or
   * ENTITLEMENT_EXISTS when the owner already has this product. Recorded in
   * the owner's history as by `actor`.
   */
  async grant(input: GrantEntitlementInput, actor: Actor): Promise<Entitlement> {
    const { productId, customerId, organizationId } = input;
    if ((customerId == null) === (organizationId == null)) throw badInput(problem('ONE_ENTITLEMENT_OWNER'), 'customerId');
    const [field, entity, table, ownerId] =
      customerId != null ? (['customerId', 'CUSTOMER', 'customers', customerId] as const) : (['organizationId', 'ORGANIZATION', 'organizations', organizationId!] as const);
    const unknownProduct = () => badInput(problem('NOT_FOUND', { entity: 'PRODUCT', id: shownValue(productId) }), 'productId');
    const unknownOwner = () => badInput(problem('NOT_FOUND', { entity, id: shownValue(ownerId) }), field);
    if (!isUuid(productId)) throw unknownProduct();
    if (!isUuid(ownerId)) throw unknownOwner();
    try {
      return await this.db.transaction(async (tx) => {
        // FOR SHARE: an archive committed meanwhile waits for this grant, or this grant sees it.
        const [product] = await tx.query(`SELECT name, archived FROM products WHERE id = $1 FOR SHARE`, [productId]);
        if (!product) throw unknownProduct();
        if (product.archived) throw badInput(problem('PRODUCT_ARCHIVED', { name: quote(product.name) }), 'productId');
        const rows = await tx.query(
          `INSERT INTO entitlements AS e (product_id, ${table === 'customers' ? 'customer_id' : 'organization_id'})
           SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM ${table} WHERE id = $2)
           RETURNING ${ENTITLEMENT_COLUMNS}`,
          [productId, ownerId],
        );
        if (!rows[0]) throw unknownOwner();
        const entitlement = toEntitlement(rows[0]);
        await this.history.record(tx, actor, [{ ...ownerSubject(entitlement), attribute: 'entitlement', entitlementId: entitlement.id, productId, from: null, to: product.name }]);
        return entitlement;
      });
    } catch (error) {
      throw await constraintError(this.db, error, { productId, customerId, organizationId });
    }
  }

  /**
   * Deletes an entitlement and its detail values (also from search). Its
   * owner's history records the revocation and, before it, each value the
   * entitlement held as cleared, so what was lost stays readable to whoever
   * may view each field (and to no one else). By `actor`. Throws NOT_FOUND.
   */
  async revoke(id: string, actor: Actor): Promise<boolean> {
    if (!isUuid(id)) throw notFound('ENTITLEMENT', id);
    return this.db.transaction(async (tx) => {
      const [found] = await tx.query(`SELECT 1 FROM entitlements WHERE id = $1 FOR UPDATE`, [id]);
      if (!found) throw notFound('ENTITLEMENT', id);
      await this.detailValues.clearAll(tx, detailOwner(DetailFieldScope.ENTITLEMENT), [id], actor);
      // TypeORM answers a DELETE ... RETURNING with [rows, affected].
      const [deleted] = await tx.query(
        `DELETE FROM entitlements e USING products p WHERE e.id = $1 AND p.id = e.product_id
         RETURNING ${ENTITLEMENT_COLUMNS}, p.name::text AS "productName"`,
        [id],
      );
      const entitlement = toEntitlement(deleted[0]);
      // No entitlementId: the entitlement is gone, and its earlier entries keep only their product.
      await this.history.record(tx, actor, [{ ...ownerSubject(entitlement), attribute: 'entitlement', productId: entitlement.productId, from: deleted[0].productName, to: null }]);
      return true;
    });
  }
}

/** Whose history an entitlement's grant and revocation go in: its customer's or its organization's. */
const ownerSubject = (entitlement: Entitlement): ChangeSubject =>
  entitlement.customerId ? { customerId: entitlement.customerId } : { organizationId: entitlement.organizationId! };
