import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from './customer.entity';
import { CustomerConnection } from './customer.connection';
import { AddCustomersInput, AddCustomersPayload, CustomersArgs, UpdateCustomerInput } from './customer.inputs';
import { Organization } from '../organizations/organization.entity';
import { Requires } from '../../auth/requires.decorator';
import { pageSize, toConnection } from '../../common/connection';
import type { Context } from '../../graphql/context';

@Resolver(() => Customer)
export class CustomerResolver {
  @Requires()
  @Query(() => CustomerConnection)
  async customers(@Args() { first, after, query, filter, orderBy }: CustomersArgs, @Ctx() { services }: Context): Promise<CustomerConnection> {
    const page = await services.customers.list({ first: pageSize(first, 50), after, query, filter, orderBy });
    return toConnection(CustomerConnection, page);
  }

  @Requires()
  @Query(() => Customer, { nullable: true })
  customer(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Customer | null> {
    return loaders.customerById.load(id);
  }

  @Requires()
  @Mutation(() => AddCustomersPayload, { description: 'Add customers by usernames or emails separated by commas, optionally into an organization.' })
  addCustomers(@Arg('input') input: AddCustomersInput, @Ctx() { services }: Context): Promise<AddCustomersPayload> {
    return services.customers.add(input);
  }

  @Requires()
  @Mutation(() => Customer)
  updateCustomer(@Arg('input') input: UpdateCustomerInput, @Ctx() { services }: Context): Promise<Customer> {
    return services.customers.update(input);
  }

  @FieldResolver(() => [Organization])
  organizations(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<Organization[]> {
    return loaders.organizationsByCustomerId.load(customer.id);
  }
}
