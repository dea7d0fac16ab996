import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Change, ChangeValue } from './change.entity';
import { ChangeConnection } from './change.connection';
import { HistoryArgs } from './history.inputs';
import type { RecordOwner } from '../../common/owner-pages';
import { Agent } from '../agents/agent.entity';
import { Customer } from '../customers/customer.entity';
import { DetailField } from '../detail-fields/detail-field.entity';
import { Organization } from '../organizations/organization.entity';
import { Product } from '../products/product.entity';
import { Requires } from '../../auth/requires.decorator';
import { pageSize, toConnection } from '../../common/connection';
import type { Context } from '../../graphql/context';

async function historyOf(owner: RecordOwner, ownerId: string, { first, after }: HistoryArgs, { loaders }: Context): Promise<ChangeConnection> {
  const page = await loaders.historyPages.load({ owner, ownerId, first: pageSize(first, 20), after });
  return toConnection(ChangeConnection, page);
}

@Resolver(() => Change)
export class ChangeResolver {
  @FieldResolver(() => Agent, { nullable: true, description: "Who made it (through a token: the token's creator); null for the system." })
  async actor(@Root() change: Change, @Ctx() { loaders }: Context): Promise<Agent | null> {
    return change.actorId ? loaders.agentById.load(change.actorId) : null;
  }

  @FieldResolver(() => DetailField, { nullable: true, description: 'What changed: a detail field (only those the viewer may view), or null for a built-in attribute.' })
  async field(@Root() change: Change, @Ctx() { visibility }: Context): Promise<DetailField | null> {
    if (!change.fieldId) return null;
    // Lists hold only entries of viewable fields; looking the field up among them again keeps this path closed on its own.
    return (await visibility.viewableInAnyScope()).find((f) => f.id === change.fieldId) ?? null;
  }

  @FieldResolver(() => [ChangeValue], { description: 'For a created entry: the detail values the record was created with, of fields the viewer may view now, in field order; empty otherwise.' })
  async values(@Root() change: Change, @Ctx() { visibility }: Context): Promise<ChangeValue[]> {
    const details = change.createdDetails;
    if (!details) return [];
    // The SQL already narrowed them; keeping only viewable fields here again keeps this path closed on its own.
    return (await visibility.viewableInAnyScope()).filter((f) => f.id in details).map((field) => Object.assign(new ChangeValue(), { field, value: details[field.id] }));
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The product of the entitlement the change is about: granted, revoked, or one of its detail values.' })
  async product(@Root() change: Change, @Ctx() { loaders }: Context): Promise<Product | null> {
    return change.productId ? loaders.productById.load(change.productId) : null;
  }
}

@Resolver(() => Customer)
export class CustomerHistoryResolver {
  @Requires()
  @FieldResolver(() => ChangeConnection, { description: 'Changes to the customer, newest first.' })
  history(@Root() customer: Customer, @Args() args: HistoryArgs, @Ctx() context: Context): Promise<ChangeConnection> {
    return historyOf('customer', customer.id, args, context);
  }
}

@Resolver(() => Organization)
export class OrganizationHistoryResolver {
  @Requires()
  @FieldResolver(() => ChangeConnection, { description: 'Changes to the organization, newest first.' })
  history(@Root() organization: Organization, @Args() args: HistoryArgs, @Ctx() context: Context): Promise<ChangeConnection> {
    return historyOf('organization', organization.id, args, context);
  }
}
