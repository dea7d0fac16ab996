import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Logger } from '../logger';
import type { Context } from './context';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** The run of a document (by signed-in callers) on which it is compiled; the runs before it are graphql-js's. */
export const COMPILE_AT_RUN = 2;

/**
 * graphql-jit's errors are its own class (an instance of graphql-js's by
 * prototype only): no `nodes`, and `extensions` undefined when the thrown
 * error had none, which Apollo's error normalizing cannot read. Each becomes
 * the graphql-js error that execution would have made (message, path,
 * original error and its extensions), with the locations jit computed, so
 * formatError sees the same thing on both executors.
 */
function toGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  return Object.assign(converted, { locations: error.locations });
}

/**
 * What the compiled executor runs queries with, as an Apollo Server gateway
 * (Apollo's one hook for another executor; parsing, validation, the limits,
 * plugins and error formatting stay Apollo's). A query document that a
 * signed-in caller runs a second time is compiled by graphql-jit into a
 * function that runs its selection with our resolvers, skipping graphql-js's
 * per-field interpretation. Compiling costs tens of milliseconds, many runs'
 * worth of what it saves, so a document sent once (literals that change on
 * every request) and anonymous requests (refused at the root field) stay on
 * graphql-js. Compiled queries are kept per parsed document (Apollo's
 * document cache hands the same DocumentNode back for the same text, and a
 * document dropped from it drops its compiled form) and operation name.
 * Mutations, subscriptions and any document jit cannot compile run on
 * graphql-js's `execute` (a compile failure is logged once per document and
 * operation).
 *
 * Operations that declare variables also run on graphql-js: jit coerces
 * variables by its own rules, which leave out an input object field's
 * default value. Resolvers' errors are turned into graphql-js's
 * GraphQLError (see toGraphQLJsError).
 */
export function jitGateway(schema: GraphQLSchema, logger: Logger): Gateway {
  // A number: runs so far, not compiled yet; null: jit cannot compile this operation.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | number | null>>();

  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    const entry = byOperation.get(key) ?? 0;
    if (typeof entry !== 'number') return entry;
    if (entry + 1 < COMPILE_AT_RUN) {
      byOperation.set(key, entry + 1);
      return null;
    }
    let query: CompiledQuery | null = null;
    try {
      const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      if (isCompiledQuery(result)) query = result;
      else logger.warn({ operationName, errors: result.errors?.map((e) => e.message) }, 'graphql-jit could not compile a query; graphql-js runs it');
    } catch (err) {
      logger.warn({ err, operationName }, 'graphql-jit could not compile a query; graphql-js runs it');
    }
    byOperation.set(key, query);
    return query;
  };

  const executor: Executor = async ({ document, operation, operationName, request, context }) => {
    // With variables, graphql-js runs: jit coerces them itself and leaves out input fields' defaults (customers' orderBy without direction is refused).
    const query = operation.operation === 'query' && !operation.variableDefinitions?.length && (context as Context).viewer ? compiledFor(document, operationName) : null;
    const result: ExecutionResult = query
      ? await query.query(undefined, context, request.variables)
      : await execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    return result.errors ? { ...result, errors: result.errors.map(toGraphQLJsError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
