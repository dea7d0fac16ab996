import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../common/domain-error';
import type { Logger } from '../logger';
import { requestScope } from '../http/request-scope';
import { LIMIT_EXTENSIONS } from './limit-error';
import { tokenLimitRefusal } from './limits';

/**
 * Codes of refusals before execution (errors without a path): those graphql-js
 * and Apollo assign for bad documents and variables, and UNAUTHENTICATED from
 * the introspection guard.
 */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'UNAUTHENTICATED']);

/**
 * One mapping from thrown errors to what clients see: domain errors keep their
 * code and message; validation problems become BAD_USER_INPUT naming the field;
 * anything else is masked and logged with the request id, so internals
 * (SQL, stack traces, values) never reach a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const scope = requestScope.getStore();
  const requestId = scope?.requestId;
  const original = unwrapResolverError(error);
  // "Did you mean ...?" maps the schema for whoever asks; only signed-in callers get it.
  const message = scope?.authenticated ? formatted.message : formatted.message.replace(/ ?Did you mean .*$/, '');
  const base = { message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const first = original.extensions.validationErrors?.[0];
    const field = first?.property;
    const reason = first?.constraints ? Object.values(first.constraints)[0] : original.message;
    return { ...base, message: reason ?? 'Invalid input', extensions: { code: 'BAD_USER_INPUT', field } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code) && !formatted.path) {
    // A limit refusal also says which limit (reason, limit, found); nothing else of the error passes.
    const refusal = tokenLimitRefusal(formatted) ?? formatted;
    const extensions: Record<string, unknown> = { code: refusal.extensions?.code ?? code };
    for (const key of LIMIT_EXTENSIONS) if (refusal.extensions?.[key] !== undefined) extensions[key] = refusal.extensions[key];
    return { ...base, message: refusal === formatted ? message : refusal.message, extensions };
  }
  if (code === 'BAD_USER_INPUT') return { ...base, extensions: { code } };
  logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error in GraphQL operation');
  return {
    message: `Something went wrong on our side (request id ${requestId ?? 'unknown'})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
