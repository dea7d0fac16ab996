import 'reflect-metadata';
import { DirectiveLocation, GraphQLDirective, GraphQLList, GraphQLNonNull, GraphQLString, specifiedDirectives, type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema } from 'type-graphql';
import { enforceRequires } from '../auth/auth-checker';
import { AuthResolver } from '../auth/auth.resolver';
import { ApiTokenResolver } from '../auth/api-token.resolver';
import { AgentResolver } from '../modules/agents/agent.resolver';
import { TeamResolver } from '../modules/teams/team.resolver';
import { CustomerResolver } from '../modules/customers/customer.resolver';
import { OrganizationResolver } from '../modules/organizations/organization.resolver';
import { DetailFieldResolver } from '../modules/detail-fields/detail-field.resolver';
import { normalizeArguments } from './normalize-arguments';
import { CustomerNotesResolver, NoteResolver, OrganizationNotesResolver } from '../modules/notes/note.resolver';
import { ChangeResolver, CustomerHistoryResolver, OrganizationHistoryResolver } from '../modules/history/history.resolver';
import { ProductResolver } from '../modules/products/product.resolver';
import { CustomerEntitlementsResolver, EntitlementResolver, OrganizationEntitlementsResolver } from '../modules/entitlements/entitlement.resolver';
import { ImportResolver } from '../modules/imports/import.resolver';
import { CustomerRequestsResolver, OrganizationRequestsResolver, RequestResolver } from '../modules/requests/request.resolver';

/** Documents, in the SDL, the permission keys a field needs (enforced by authChecker, not by this). */
const authDirective = new GraphQLDirective({
  name: 'auth',
  description: 'The caller must hold every listed permission key (see Viewer.permissions).',
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT],
  args: { requires: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) } },
});

/**
 * The executable schema: the resolvers, their auth rules (@Requires, put in
 * front of the resolvers by enforceRequires, not by TypeGraphQL), and every
 * argument's text NFC-normalized. Every object type sets `simpleResolvers`:
 * its plain fields are read straight off the object (graphql's default
 * resolver) instead of through a TypeGraphQL wrapper per field and row.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      AuthResolver, ApiTokenResolver, AgentResolver, TeamResolver, CustomerResolver, OrganizationResolver, DetailFieldResolver,
      RequestResolver, CustomerRequestsResolver, OrganizationRequestsResolver,
      NoteResolver, CustomerNotesResolver, OrganizationNotesResolver,
      ChangeResolver, CustomerHistoryResolver, OrganizationHistoryResolver,
      ProductResolver, EntitlementResolver, CustomerEntitlementsResolver, OrganizationEntitlementsResolver,
      ImportResolver,
    ],
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    // Giving `directives` replaces graphql-js's defaults: keep @skip, @include, @deprecated, @specifiedBy, @oneOf.
    directives: [...specifiedDirectives, authDirective],
  });
  return normalizeArguments(enforceRequires(schema));
}

export function printSchemaFile(schema: GraphQLSchema): string {
  return `# Emitted from the resolvers by \`pnpm --filter @cp/api schema:emit\`; do not edit by hand.\n\n${printSchemaWithDirectives(schema)}\n`;
}
