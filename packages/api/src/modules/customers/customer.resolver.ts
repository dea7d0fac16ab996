import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from './customer.entity';
import { CustomerConnection } from './customer.connection';
import { customerConnection } from './customer-page';
import { AddCustomersInput, AddCustomersPayload, CustomersArgs, UpdateCustomerInput } from './customer.inputs';
import { Organization } from '../organizations/organization.entity';
import { GraphQLJSON } from 'graphql-scalars';
import { DetailValue } from '../detail-fields/detail-field.inputs';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { toDetailValues } from '../detail-values/detail-values';
import type { StoredDetails } from '../detail-values/detail-value.loader';
import { Requires } from '../../auth/requires.decorator';
import { actorOf } from '../../auth/viewer';
import { pageSize } from '../../common/connection';
import { isUuid } from '../../common/ids';
import type { Context } from '../../graphql/context';

@Resolver(() => Customer)
export class CustomerResolver {
  @Requires()
  @Query(() => CustomerConnection)
  customers(@Args() { first, after, query, filter, orderBy }: CustomersArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<CustomerConnection> {
    return customerConnection({ first: pageSize(first, 50), after, query, filter, orderBy }, context, info);
  }

  @Requires()
  @Query(() => Customer, { nullable: true })
  customer(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Customer | null> | null {
    // An id that cannot exist is simply not found.
    return isUuid(id) ? loaders.customerById.load(id) : null;
  }

  @Requires()
  @Mutation(() => AddCustomersPayload, { description: 'Add customers by usernames or emails separated by commas, optionally into an organization.' })
  addCustomers(@Arg('input') input: AddCustomersInput, @Ctx() { services, viewer }: Context): Promise<AddCustomersPayload> {
    return services.customers.add(input, actorOf(viewer));
  }

  @Requires()
  @Mutation(() => Customer)
  updateCustomer(@Arg('input') input: UpdateCustomerInput, @Ctx() { services, viewer }: Context): Promise<Customer> {
    return services.customers.update(input, actorOf(viewer));
  }

  // What the list prefetched answers at once: no promise per row (see CustomerPrefetch).
  @FieldResolver(() => [DetailValue], { description: 'Only the fields the viewer may view.' })
  details(@Root() customer: Customer, @Ctx() context: Context): DetailValue[] | Promise<DetailValue[]> {
    return customer.prefetched?.detailValues ?? context.loaders.detailsOf(DetailFieldScope.CUSTOMER).load(customer.id).then((details) => toDetailValues(DetailFieldScope.CUSTOMER, details, context));
  }

  @FieldResolver(() => GraphQLJSON, { description: 'The same values as one object keyed by field key (compact, for lists and sync).' })
  detailsByKey(@Root() customer: Customer, @Ctx() { loaders }: Context): StoredDetails | Promise<StoredDetails> {
    return customer.prefetched?.details ?? loaders.detailsOf(DetailFieldScope.CUSTOMER).load(customer.id);
  }

  @FieldResolver(() => [Organization])
  organizations(@Root() customer: Customer, @Ctx() { loaders }: Context): Organization[] | Promise<Organization[]> {
    return customer.prefetched?.organizations ?? loaders.organizationsByCustomerId.load(customer.id);
  }
}
