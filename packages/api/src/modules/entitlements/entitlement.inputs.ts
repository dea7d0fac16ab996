import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Grant a product to exactly one customer or one organization (once per owner).' })
export class GrantEntitlementInput {
  @Field(() => ID, { description: 'A product that is not archived.' })
  productId: string;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Every member of the organization then has the entitlement too.' })
  organizationId?: string | null;
}
