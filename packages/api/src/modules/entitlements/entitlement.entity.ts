import { ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';
import type { Product } from '../products/product.entity';

@ObjectType({ simpleResolvers: true, description: 'A product granted to one customer or one organization (whose members then have it too), with its own detail values.' })
@Entity('entitlements')
export class Entitlement extends VersionedRecord {
  /** Resolved as `product`. */
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** Exactly one of customerId and organizationId is set (a check constraint); resolved as `customer` / `organization`. */
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** The product, when the statement that read the entitlement also read it (entitlementOfRow), so `product` answers without a promise; neither a column nor a GraphQL field. */
  prefetchedProduct?: Product;
}
