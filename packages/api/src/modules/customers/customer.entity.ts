import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../common/versioned-record.entity';
import type { Organization } from '../organizations/organization.entity';
import type { StoredDetails } from '../detail-values/detail-value.loader';
import type { DetailValue } from '../detail-fields/detail-field.inputs';
import type { Entitlement } from '../entitlements/entitlement.entity';

/** What a list's own statement already read for one of its customers, so its resolvers answer without a loader (and without a promise). */
export interface CustomerPrefetch {
  /** The customer's organizations, by name. */
  organizations?: Organization[];
  /** The detail values the request's viewer may view (the store's projection). */
  details?: StoredDetails;
  /** The same values as DetailValue objects, built for the whole page at once (see customerConnection). */
  detailValues?: DetailValue[];
  /** Own entitlements and those of the customer's organizations, by product name. */
  entitlements?: Entitlement[];
}

@ObjectType({ simpleResolvers: true, description: 'A person the help desk supports.' })
@Entity('customers')
export class Customer extends VersionedRecord {
  @Field(() => String, { nullable: true, description: "The partner system's id; unique when set; import matches on it first." })
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'citext', nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'citext', nullable: true })
  username: string | null;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** Set by the customers list for the parts its selection asks for (see CustomerService.list); neither a column nor a GraphQL field. */
  prefetched?: CustomerPrefetch;
}
