import { GraphQLError } from 'graphql';
import { problem, problemText } from '@cp/shared';

/** Which operation limit refused a request: `extensions.reason` of the refusal, stable for partner tools. */
export type LimitReason = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS';

/** The extension keys a limit refusal carries besides `code`; error formatting passes exactly these on. */
export const LIMIT_EXTENSIONS = ['reason', 'params', 'limit', 'found'] as const;

/**
 * The refusal of an operation that exceeds a limit, before anything runs:
 * HTTP 400, `extensions.code` GRAPHQL_VALIDATION_FAILED (the document is not
 * acceptable, as with any validation failure) plus the problem (`reason`,
 * `params` {limit, found}, as every refusal) and, for clients that read them
 * directly, `limit` and, when known, `found` (numbers in the limit's unit:
 * levels, cost units, aliases, directives, tokens). The message states the
 * limit in words.
 */
export function limitError(reason: LimitReason, limit: number, found?: number): GraphQLError {
  const counts: Record<string, number> = found === undefined ? { limit } : { limit, found };
  const refusal = problem(reason, counts);
  return new GraphQLError(problemText(refusal), {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, params: refusal.params, ...counts, http: { status: 400 } },
  });
}
