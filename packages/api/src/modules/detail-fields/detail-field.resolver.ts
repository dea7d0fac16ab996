import type DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import { PERMISSIONS } from '@cp/shared';
import { DetailField } from './detail-field.entity';
import { DetailFieldScope } from './detail-field.enums';
import { CreateDetailFieldInput, FieldPermissions, SetDetailFieldPermissionsInput, SetDetailValuesInput, UpdateDetailFieldInput, type FieldAudience } from './detail-field.inputs';
import type { Audience } from './detail-field.entity';
import { Customer } from '../customers/customer.entity';
import { Organization } from '../organizations/organization.entity';
import { Entitlement } from '../entitlements/entitlement.entity';
import { Team } from '../teams/team.entity';
import { Requires, RequiresOrNull } from '../../auth/requires.decorator';
import { actorOf } from '../../auth/viewer';
import type { Context } from '../../graphql/context';
import { notFound } from '../../common/domain-error';
import { ownerOfInput } from '../detail-values/detail-owner.registry';

export const DetailOwner = createUnionType({
  name: 'DetailOwner',
  types: () => [Customer, Organization, Entitlement] as const,
});

@Resolver(() => DetailField)
export class DetailFieldResolver {
  @Requires()
  @Query(() => [DetailField], { description: 'The fields of a scope the viewer may view, in order.' })
  detailFields(
    @Arg('scope', () => DetailFieldScope) scope: DetailFieldScope,
    @Arg('includeArchived', { defaultValue: false }) includeArchived: boolean,
    @Ctx() { visibility }: Context,
  ): Promise<DetailField[]> {
    return visibility.viewable(scope, includeArchived);
  }

  @Requires(PERMISSIONS.MANAGE_FIELDS)
  @Mutation(() => DetailField)
  createDetailField(@Arg('input') input: CreateDetailFieldInput, @Ctx() { services }: Context): Promise<DetailField> {
    return services.detailFields.create(input);
  }

  @Requires(PERMISSIONS.MANAGE_FIELDS)
  @Mutation(() => DetailField, { description: 'Label, options, position, archived.' })
  updateDetailField(@Arg('input') input: UpdateDetailFieldInput, @Ctx() { services, viewer }: Context): Promise<DetailField> {
    return services.detailFields.update(input, actorOf(viewer));
  }

  @Requires(PERMISSIONS.MANAGE_FIELDS)
  @Mutation(() => DetailField)
  setDetailFieldPermissions(@Arg('input') input: SetDetailFieldPermissionsInput, @Ctx() { services }: Context): Promise<DetailField> {
    return services.detailFields.setPermissions(input);
  }

  @Requires()
  @Mutation(() => DetailOwner, { description: 'Set detail values on one customer, organization or entitlement; null clears a value.' })
  async setDetailValues(@Arg('input') input: SetDetailValuesInput, @Ctx() { services, visibility, loaders, viewer }: Context): Promise<Customer | Organization | Entitlement> {
    const { owner, id } = ownerOfInput(input);
    await services.detailValues.write(owner, id, input.values, input.expectedVersion, visibility, actorOf(viewer));
    // The values and the version just written must be read fresh, not from a cache filled earlier in this request.
    loaders.detailsOf(owner.scope).clear(id);
    const records = loaders[owner.recordLoader] as DataLoader<string, Customer | Organization | Entitlement | null>;
    const record = await records.clear(id).load(id);
    if (!record) throw notFound(owner.entity, id);
    return record;
  }

  @FieldResolver(() => Boolean)
  viewerCanEdit(@Root() field: DetailField, @Ctx() { visibility }: Context): boolean {
    return visibility.canEdit(field);
  }

  @Requires(PERMISSIONS.MANAGE_FIELDS)
  @FieldResolver(() => Int, {
    description:
      'How many records hold at least one of these options: what removing them would change (a select is cleared; a multi-select loses them, and is cleared when none is left).',
  })
  valueCountWithOptions(@Root() field: DetailField, @Arg('options', () => [String]) options: string[], @Ctx() { services }: Context): Promise<number> {
    return services.detailFields.valueCountWithOptions(field, options);
  }

  @RequiresOrNull(PERMISSIONS.MANAGE_FIELDS)
  @FieldResolver(() => FieldPermissions, { nullable: true, description: 'Null unless the viewer is an admin.' })
  async permissions(@Root() field: DetailField, @Ctx() { loaders }: Context): Promise<FieldPermissions> {
    const audience = async (a: Audience): Promise<FieldAudience> => ({
      agents: a.allAgents,
      teams: (await loaders.teamById.loadMany(a.teamIds)).filter((t): t is Team => t instanceof Team),
    });
    return { view: await audience(field.view), edit: await audience(field.edit) };
  }
}
