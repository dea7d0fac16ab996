import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization } from './organization.entity';
import { OrganizationConnection } from './organization.connection';
import { OrganizationMemberArgs, OrganizationMembersArgs, OrganizationsArgs, RenameOrganizationArgs, UpdateOrganizationInput } from './organization.inputs';
import { CustomerConnection } from '../customers/customer.connection';
import { GraphQLJSON } from 'graphql-scalars';
import { DetailValue } from '../detail-fields/detail-field.inputs';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { toDetailValues } from '../detail-values/detail-values';
import type { StoredDetails } from '../detail-values/detail-value.loader';
import { Requires } from '../../auth/requires.decorator';
import { actorOf } from '../../auth/viewer';
import { pageSize, toConnection } from '../../common/connection';
import { isUuid } from '../../common/ids';
import { PaginationArgs } from '../../common/pagination.args';
import type { Context } from '../../graphql/context';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Requires()
  @Query(() => OrganizationConnection)
  async organizations(@Args() { first, after, query }: OrganizationsArgs, @Ctx() { services }: Context): Promise<OrganizationConnection> {
    return toConnection(OrganizationConnection, await services.organizations.list({ first: pageSize(first, 50), after, query }));
  }

  @Requires()
  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Organization | null> | null {
    return isUuid(id) ? loaders.organizationById.load(id) : null;
  }

  @Requires()
  @Mutation(() => Organization)
  createOrganization(@Arg('name') name: string, @Ctx() { services }: Context): Promise<Organization> {
    return services.organizations.create(name);
  }

  @Requires()
  @Mutation(() => Organization)
  renameOrganization(@Args() { id, name, expectedVersion }: RenameOrganizationArgs, @Ctx() { services, viewer }: Context): Promise<Organization> {
    return services.organizations.update({ id, name, expectedVersion }, actorOf(viewer));
  }

  @Requires()
  @Mutation(() => Organization, { description: 'Change the name or the external id; an omitted one stays as it is.' })
  updateOrganization(@Arg('input') input: UpdateOrganizationInput, @Ctx() { services, viewer }: Context): Promise<Organization> {
    return services.organizations.update(input, actorOf(viewer));
  }

  @Requires()
  @Mutation(() => Organization)
  addCustomersToOrganization(@Args() { organizationId, customerIds }: OrganizationMembersArgs, @Ctx() { services, viewer }: Context): Promise<Organization> {
    return services.organizations.addCustomers(organizationId, customerIds, actorOf(viewer));
  }

  @Requires()
  @Mutation(() => Organization)
  removeCustomerFromOrganization(@Args() { organizationId, customerId }: OrganizationMemberArgs, @Ctx() { services, viewer }: Context): Promise<Organization> {
    return services.organizations.removeCustomer(organizationId, customerId, actorOf(viewer));
  }

  @FieldResolver(() => CustomerConnection, { description: 'Members, by display name.' })
  async customers(@Root() organization: Organization, @Args() { first, after }: PaginationArgs, @Ctx() { loaders }: Context): Promise<CustomerConnection> {
    // Batched across the organizations of a list; every member is counted, so customerCount's loader answers totalCount.
    const page = await loaders.membersByOrganization.load({ parentId: organization.id, first: pageSize(first, 50), after });
    const count = async () => ({ count: await loaders.customerCountByOrganizationId.load(organization.id), exact: true });
    return toConnection(CustomerConnection, { ...page, count });
  }

  @FieldResolver(() => [DetailValue], { description: 'Only the fields the viewer may view.' })
  async details(@Root() organization: Organization, @Ctx() context: Context): Promise<DetailValue[]> {
    return toDetailValues(DetailFieldScope.ORGANIZATION, await context.loaders.detailsOf(DetailFieldScope.ORGANIZATION).load(organization.id), context);
  }

  @FieldResolver(() => GraphQLJSON)
  detailsByKey(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<StoredDetails> {
    return loaders.detailsOf(DetailFieldScope.ORGANIZATION).load(organization.id);
  }

  @FieldResolver(() => Int)
  customerCount(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.customerCountByOrganizationId.load(organization.id);
  }
}
