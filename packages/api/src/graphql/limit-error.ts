import { GraphQLError } from 'graphql';

/** Which operation limit refused a request: `extensions.reason` of the refusal, stable for partner tools. */
export type LimitReason = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS';

/** The extension keys a limit refusal carries besides `code`; error formatting passes exactly these on. */
export const LIMIT_EXTENSIONS = ['reason', 'limit', 'found'] as const;

const describe: Record<LimitReason, (limit: string, found: string | undefined) => string> = {
  QUERY_TOO_DEEP: (limit, found) => `Query too deep: the depth limit is ${limit}${found ? `, this query nests ${found} levels` : ''}.`,
  QUERY_TOO_COSTLY: (limit, found) => `Query too costly: the cost limit is ${limit}${found ? `, this query costs ${found}` : ''}. Ask for smaller pages or fewer nested lists.`,
  TOO_MANY_ALIASES: (limit, found) => `Too many aliases: the limit is ${limit}${found ? `, this query has ${found}` : ''}.`,
  TOO_MANY_DIRECTIVES: (limit, found) => `Too many directives: the limit is ${limit}${found ? `, this query has ${found}` : ''}.`,
  TOO_MANY_TOKENS: (limit, found) => `Query too large: the limit is ${limit} tokens${found ? `, this document has ${found}` : ''}.`,
};

/**
 * The refusal of an operation that exceeds a limit, before anything runs:
 * HTTP 400, `extensions.code` GRAPHQL_VALIDATION_FAILED (the document is not
 * acceptable, as with any validation failure) plus `reason`, `limit` and,
 * when known, `found` (numbers in the limit's unit: levels, cost units,
 * aliases, directives, tokens). The message states the limit in words.
 */
export function limitError(reason: LimitReason, limit: number, found?: number): GraphQLError {
  const format = (n: number) => n.toLocaleString('en-US');
  return new GraphQLError(describe[reason](format(limit), found === undefined ? undefined : format(found)), {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, limit, ...(found === undefined ? {} : { found }), http: { status: 400 } },
  });
}
