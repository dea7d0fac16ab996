import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { limitError } from './limit-error';

/**
 * How many items an unpaginated list of objects (an agent's teams, a
 * customer's organizations, detail values...) is assumed to hold: such lists
 * are short by nature, but nesting them must still multiply.
 */
export const UNPAGED_LIST_SIZE = 10;

/** A Relay connection type (see common/connection.ts): edges and pageInfo. */
function isConnection(type: GraphQLCompositeType): boolean {
  return isObjectType(type) && 'pageInfo' in type.getFields() && 'edges' in type.getFields();
}

/**
 * Our cost model, in "fields resolved": every field costs 1; a field with a
 * `first` argument (a connection page) costs its selection times `first`
 * (the schema's default when omitted, never below 0, so a negative page
 * cannot buy budget for its siblings) and its edges are not multiplied
 * again; any other list of objects costs its
 * selection times UNPAGED_LIST_SIZE. Introspection (`__schema`, `__type`)
 * costs nothing: it is bounded by the schema and only for signed-in callers.
 * The page multiplies pageInfo and totalCount too: a small overcount that
 * keeps the rule simple.
 */
const estimateField: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  if (field.name === '__schema' || field.name === '__type') return 0;
  if (typeof args.first === 'number') return 1 + Math.max(0, args.first) * childComplexity;
  // A connection's edges are already counted by its `first`.
  if (field.name === 'edges' && isConnection(parent)) return 1 + childComplexity;
  const type = getNullableType(field.type);
  if (isListType(type) && isCompositeType(getNamedType(type))) return 1 + UNPAGED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

/**
 * The cost of one operation of a validated document under our model, with
 * its variables (page sizes given as variables count like literals).
 * Throws the GraphQLError of a variable that cannot be coerced.
 */
export function queryCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [estimateField] });
}

/**
 * Refuses an operation whose cost exceeds maxCost before it runs (HTTP 400,
 * reason QUERY_TOO_COSTLY with limit and found). Runs once variables are
 * known, after validation, because Apollo caches validated documents while a
 * page size may come in a variable.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // A variable of the wrong type: the caller's mistake, said the way execution would say it.
            if (!(error instanceof GraphQLError)) throw error;
            throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost > maxCost) throw limitError('QUERY_TOO_COSTLY', maxCost, cost);
        },
      };
    },
  };
}
