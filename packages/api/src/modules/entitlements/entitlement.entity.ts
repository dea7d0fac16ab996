import { ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';

@ObjectType({ description: 'A product granted to one customer or one organization (whose members then have it too), with its own detail values.' })
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
}
