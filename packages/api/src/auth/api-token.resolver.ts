import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiToken } from './api-token.entity';
import { CreateApiTokenInput, CreateApiTokenPayload } from './api-token.inputs';
import { Requires } from './requires.decorator';
import type { Context } from '../graphql/context';
import { Team } from '../modules/teams/team.entity';
import { Agent } from '../modules/agents/agent.entity';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Requires()
  @Query(() => [ApiToken], { description: 'Tokens the viewer created; admins see all.' })
  apiTokens(@Ctx() { services, viewer }: Context): Promise<ApiToken[]> {
    return services.apiTokens.list(viewer!);
  }

  @Requires()
  @Mutation(() => CreateApiTokenPayload)
  async createApiToken(@Arg('input') input: CreateApiTokenInput, @Ctx() { services, viewer }: Context): Promise<CreateApiTokenPayload> {
    const { token, apiToken } = await services.apiTokens.create(viewer!, input);
    return { token, id: apiToken.id, apiToken };
  }

  @Requires()
  @Mutation(() => ApiToken, { description: 'Stops the token from working at once. Admins may revoke any token.' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() { services, viewer }: Context): Promise<ApiToken> {
    return services.apiTokens.revoke(viewer!, id);
  }

  @FieldResolver(() => [Team])
  teams(@Root() token: ApiToken, @Ctx() { loaders }: Context): Promise<Team[]> {
    return loaders.teamsByApiTokenId.load(token.id);
  }

  @FieldResolver(() => Agent, { nullable: true })
  createdBy(@Root() token: ApiToken, @Ctx() { loaders }: Context): Promise<Agent | null> | null {
    return token.createdById ? loaders.agentById.load(token.createdById) : null;
  }
}
