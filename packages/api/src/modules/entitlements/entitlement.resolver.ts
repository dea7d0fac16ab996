import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Entitlement } from './entitlement.entity';
import { GrantEntitlementInput } from './entitlement.inputs';
import { Product } from '../products/product.entity';
import { Customer } from '../customers/customer.entity';
import { Organization } from '../organizations/organization.entity';
import { DetailValue } from '../detail-fields/detail-field.inputs';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { toDetailValues } from '../detail-values/detail-values';
import type { StoredDetails } from '../detail-values/detail-value.loader';
import { Requires } from '../../auth/requires.decorator';
import { actorOf } from '../../auth/viewer';
import type { Context } from '../../graphql/context';

@Resolver(() => Entitlement)
export class EntitlementResolver {
  @Requires()
  @Mutation(() => Entitlement, { description: 'Grant a product to a customer or an organization.' })
  grantEntitlement(@Arg('input') input: GrantEntitlementInput, @Ctx() { services, viewer }: Context): Promise<Entitlement> {
    return services.entitlements.grant(input, actorOf(viewer));
  }

  @Requires()
  @Mutation(() => Boolean, { description: 'Delete an entitlement with its detail values.' })
  revokeEntitlement(@Arg('id', () => ID) id: string, @Ctx() { services, viewer }: Context): Promise<boolean> {
    return services.entitlements.revoke(id, actorOf(viewer));
  }

  @FieldResolver(() => Product)
  product(@Root() entitlement: Entitlement, @Ctx() { loaders }: Context): Product | Promise<Product> {
    // Read with the entitlement in a list: no promise per row. Products are never deleted (the foreign key has no cascade).
    return entitlement.prefetchedProduct ?? loaders.productById.load(entitlement.productId).then((product) => product!);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Set when granted to a customer.' })
  customer(@Root() entitlement: Entitlement, @Ctx() { loaders }: Context): Promise<Customer | null> | null {
    return entitlement.customerId ? loaders.customerById.load(entitlement.customerId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Set when granted to an organization; on a member, the one it comes through.' })
  organization(@Root() entitlement: Entitlement, @Ctx() { loaders }: Context): Promise<Organization | null> | null {
    return entitlement.organizationId ? loaders.organizationById.load(entitlement.organizationId) : null;
  }

  @FieldResolver(() => [DetailValue], { description: 'Only the fields the viewer may view.' })
  async details(@Root() entitlement: Entitlement, @Ctx() context: Context): Promise<DetailValue[]> {
    return toDetailValues(DetailFieldScope.ENTITLEMENT, await context.loaders.detailsOf(DetailFieldScope.ENTITLEMENT).load(entitlement.id), context);
  }

  @FieldResolver(() => GraphQLJSON, { description: 'The same values as one object keyed by field key.' })
  detailsByKey(@Root() entitlement: Entitlement, @Ctx() { loaders }: Context): Promise<StoredDetails> {
    return loaders.detailsOf(DetailFieldScope.ENTITLEMENT).load(entitlement.id);
  }
}

@Resolver(() => Customer)
export class CustomerEntitlementsResolver {
  @Requires()
  @FieldResolver(() => [Entitlement], { description: "Own entitlements and those of the customer's organizations, by product name." })
  entitlements(@Root() customer: Customer, @Ctx() { loaders }: Context): Entitlement[] | Promise<Entitlement[]> {
    // A customers list read them with its page (CustomerPrefetch).
    return customer.prefetched?.entitlements ?? loaders.entitlementsByCustomerId.load(customer.id);
  }
}

@Resolver(() => Organization)
export class OrganizationEntitlementsResolver {
  @Requires()
  @FieldResolver(() => [Entitlement], { description: 'The entitlements granted to the organization, by product name.' })
  entitlements(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Entitlement[]> {
    return loaders.entitlementsByOrganizationId.load(organization.id);
  }
}
