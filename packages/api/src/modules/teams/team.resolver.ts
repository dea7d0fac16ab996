import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '@cp/shared';
import { Team } from './team.entity';
import { CreateTeamArgs, RenameTeamArgs, SetTeamMembersArgs } from './team.inputs';
import { Agent } from '../agents/agent.entity';
import { Requires } from '../../auth/requires.decorator';
import type { Context } from '../../graphql/context';

@Resolver(() => Team)
export class TeamResolver {
  @Requires()
  @Query(() => [Team])
  teams(@Ctx() { services }: Context): Promise<Team[]> {
    return services.teams.list();
  }

  @Requires(PERMISSIONS.MANAGE_AGENTS)
  @Mutation(() => Team)
  createTeam(@Args() { name, memberIds }: CreateTeamArgs, @Ctx() { services }: Context): Promise<Team> {
    return services.teams.create(name, memberIds);
  }

  @Requires(PERMISSIONS.MANAGE_AGENTS)
  @Mutation(() => Team)
  renameTeam(@Args() { id, name, expectedVersion }: RenameTeamArgs, @Ctx() { services }: Context): Promise<Team> {
    return services.teams.rename(id, name, expectedVersion);
  }

  @Requires(PERMISSIONS.MANAGE_AGENTS)
  @Mutation(() => Team, { description: 'Replaces the team\'s members with exactly these agents.' })
  setTeamMembers(@Args() { teamId, memberIds, expectedVersion }: SetTeamMembersArgs, @Ctx() { services }: Context): Promise<Team> {
    return services.teams.setMembers(teamId, memberIds, expectedVersion);
  }

  @FieldResolver(() => [Agent])
  members(@Root() team: Team, @Ctx() { loaders }: Context): Promise<Agent[]> {
    return loaders.membersByTeamId.load(team.id);
  }
}
