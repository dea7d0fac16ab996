import { unwrapResolverError } from '@apollo/server/errors';
import { isProblem, problem, problemText, type Problem } from '@cp/shared';
import type { ValidationError } from 'class-validator';
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
    const { reason, params } = original.problem;
    return { ...base, message: original.message, extensions: { code: original.code, reason, params, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const { field: path, refusal } = firstRefusal(original.extensions.validationErrors ?? [], original.message);
    // Named like the service errors' fields: relative to the mutation's `input` object.
    const field = path.replace(/^input\./, '');
    return { ...base, message: problemText(refusal), extensions: { code: 'BAD_USER_INPUT', field, reason: refusal.reason, params: refusal.params } };
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

/**
 * The first refused input in class-validator's tree (nested inputs hold
 * their errors in `children`): its dotted path and the problem our
 * validation rules put in the constraint's context, or a generic one.
 */
function firstRefusal(errors: readonly ValidationError[], fallback: string, prefix = ''): { field: string; refusal: Problem } {
  for (const error of errors) {
    const field = prefix + error.property;
    const [name, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (name !== undefined) {
      const refusal = error.contexts?.[name]?.problem;
      return { field, refusal: isProblem(refusal) ? refusal : problem('INVALID_INPUT', { field, constraint: message ?? fallback }) };
    }
    const nested = error.children?.length ? firstRefusal(error.children, fallback, `${field}.`) : null;
    if (nested) return nested;
  }
  return { field: '', refusal: problem('INVALID_INPUT', { field: '', constraint: fallback }) };
}
