import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { permissionsOf } from '@cp/shared';
import type { Context } from '../graphql/context';
import { Role } from '../graphql/enums';
import { Team } from '../modules/teams/team.entity';
import { Requires } from './requires.decorator';
import type { ViewerIdentity } from './viewer';
import { clientAddress } from '../http/session-cookie';

@ObjectType({ simpleResolvers: true, description: 'The signed-in agent, or the identity of the API token in use.' })
export class Viewer {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [String], { description: 'Permission keys (see @cp/shared PERMISSIONS) the role grants.' })
  permissions: string[];

  teamIds: readonly string[];
}

const toViewer = (identity: ViewerIdentity): Viewer =>
  Object.assign(new Viewer(), {
    id: identity.id,
    email: identity.email,
    displayName: identity.displayName,
    role: identity.role,
    permissions: [...permissionsOf(identity.role)],
    teamIds: identity.teamIds,
  });

@ArgsType()
class SignInArgs {
  @Field()
  email: string;

  @Field()
  password: string;
}

@Resolver(() => Viewer)
export class AuthResolver {
  @Requires()
  @Query(() => Viewer)
  viewer(@Ctx() { viewer }: Context): Viewer {
    return toViewer(viewer!);
  }

  @Mutation(() => Viewer, { description: 'Starts a browser session (HttpOnly cookie). Repeated failures are rate limited.' })
  async signIn(@Args() { email, password }: SignInArgs, @Ctx() { services, cookies, req, res }: Context): Promise<Viewer> {
    const result = await services.auth.signIn(email, password, clientAddress(req), cookies.read(req));
    cookies.set(req, res, result.sessionToken, result.expiresAt);
    return toViewer(result.viewer);
  }

  @Mutation(() => Boolean, { description: 'Ends the current browser session. True even when there was none.' })
  async signOut(@Ctx() { services, cookies, viewer, req, res }: Context): Promise<boolean> {
    if (viewer?.sessionTokenHash) await services.auth.signOut(viewer.sessionTokenHash);
    cookies.clear(req, res);
    return true;
  }

  @FieldResolver(() => [Team])
  async teams(@Root() viewer: Viewer, @Ctx() { loaders }: Context): Promise<Team[]> {
    const teams = await loaders.teamById.loadMany([...viewer.teamIds]);
    return teams.filter((t): t is Team => t instanceof Team).sort((a, b) => a.name.localeCompare(b.name));
  }
}
