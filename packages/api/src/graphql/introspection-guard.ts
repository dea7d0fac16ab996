import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import type { Context } from './context';

/**
 * Introspection (`__schema`, `__type`, anywhere in the document, fragments
 * included) is for signed-in callers, by session or API token; anonymous
 * callers get 401 UNAUTHENTICATED. `__typename` stays open. Partner tools
 * can read the committed schema.graphql instead. Checked per request, not as
 * a validation rule, because Apollo caches documents that passed validation
 * whoever sent them.
 */
export function introspectionGuardPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, schema, document }) {
          if (contextValue.viewer || validate(schema, document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
          throw new GraphQLError('Sign in (a session or an API token) to introspect the schema; it is also published as packages/api/schema.graphql.', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
          });
        },
      };
    },
  };
}
