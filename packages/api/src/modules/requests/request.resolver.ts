import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires.decorator';
import { pageSize } from '../../common/connection';
import { uniq } from '../../common/ids';
import type { Context } from '../../graphql/context';
import { Customer } from '../customers/customer.entity';
import { Organization } from '../organizations/organization.entity';
import { RequestConnection, toRequestConnection } from './request.connection';
import { SupportRequest } from './request.entity';
import { CreateRequestInput, RequestsArgs, UpdateRequestInput } from './request.inputs';
import { requestList, type RequestOwner } from './request.loader';

@Resolver(() => SupportRequest)
export class RequestResolver {
  @Requires()
  @Mutation(() => SupportRequest, { description: 'File a request for a customer (partner tools syncing their requests in).' })
  createRequest(@Arg('input') input: CreateRequestInput, @Ctx() { services }: Context): Promise<SupportRequest> {
    return services.requests.create(input);
  }

  @Requires()
  @Mutation(() => SupportRequest)
  updateRequest(@Arg('input') input: UpdateRequestInput, @Ctx() { services }: Context): Promise<SupportRequest> {
    return services.requests.update(input);
  }

  @FieldResolver(() => Customer)
  async reporter(@Root() request: SupportRequest, @Ctx() { loaders }: Context): Promise<Customer> {
    // Deleting a customer deletes their requests, so the reporter exists.
    return (await loaders.customerById.load(request.reporterId))!;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() request: SupportRequest, @Ctx() { loaders }: Context): Promise<Organization | null> | null {
    return request.organizationId ? loaders.organizationById.load(request.organizationId) : null;
  }
}

async function requestConnection(owner: RequestOwner, parentId: string, { first, after, status }: RequestsArgs, { loaders }: Context): Promise<RequestConnection> {
  const key = { parentId, first: pageSize(first, 20), after: after ?? null, statuses: uniq(status ?? []).sort() };
  const { page, counts } = await requestList(loaders.requestsByOwner[owner], key);
  return toRequestConnection(page, counts);
}

@Resolver(() => Customer)
export class CustomerRequestsResolver {
  @FieldResolver(() => RequestConnection, { description: 'The requests this customer reported, newest first.' })
  requests(@Root() customer: Customer, @Args() args: RequestsArgs, @Ctx() context: Context): Promise<RequestConnection> {
    return requestConnection('reporter', customer.id, args, context);
  }
}

@Resolver(() => Organization)
export class OrganizationRequestsResolver {
  @FieldResolver(() => RequestConnection, { description: 'Requests of all members: those reported by whoever is a member now, newest first.' })
  requests(@Root() organization: Organization, @Args() args: RequestsArgs, @Ctx() context: Context): Promise<RequestConnection> {
    return requestConnection('organization', organization.id, args, context);
  }
}
