import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '@cp/shared';
import { Agent } from './agent.entity';
import { CreateAgentInput, UpdateAgentInput } from './agent.inputs';
import { Team } from '../teams/team.entity';
import { Requires } from '../../auth/requires.decorator';
import type { Context } from '../../graphql/context';

@Resolver(() => Agent)
export class AgentResolver {
  @Requires()
  @Query(() => [Agent])
  agents(@Arg('includeInactive', { defaultValue: false }) includeInactive: boolean, @Ctx() { services }: Context): Promise<Agent[]> {
    return services.agents.list(includeInactive);
  }

  @Requires(PERMISSIONS.MANAGE_AGENTS)
  @Mutation(() => Agent)
  createAgent(@Arg('input') input: CreateAgentInput, @Ctx() { services }: Context): Promise<Agent> {
    return services.agents.create(input);
  }

  @Requires(PERMISSIONS.MANAGE_AGENTS)
  @Mutation(() => Agent, { description: 'Change role, name, teams or active flag; role changes and deactivation end the agent\'s sessions.' })
  updateAgent(@Arg('input') input: UpdateAgentInput, @Ctx() { services, viewer }: Context): Promise<Agent> {
    return services.agents.update(input, viewer!.agentId);
  }

  @FieldResolver(() => [Team])
  teams(@Root() agent: Agent, @Ctx() { loaders }: Context): Promise<Team[]> {
    return loaders.teamsByAgentId.load(agent.id);
  }
}
