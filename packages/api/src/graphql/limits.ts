import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, GraphQLFormattedError, ValidationContext } from 'graphql';
import { limitError, type LimitReason } from './limit-error';
import { costLimitPlugin } from './query-cost';

/**
 * Limits on every operation, before it runs: nesting depth, cost (see
 * query-cost.ts: fields resolved, pages multiplied by their size), aliases
 * (a cheap way to multiply work), directives and document size in tokens.
 * maxCost admits the web app's customer list at the largest page size
 * (7,201 at 200 rows) and a partner's sync of every Customer field, detail
 * values with their field definitions included (22,401 at 200 rows), while
 * a page nested in a page (200 × 10 × 200: 1,202,601) is far above it.
 */
export const operationLimits = {
  maxDepth: 10,
  maxCost: 25_000,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
};

/**
 * graphql-armor reports its refusals as "Syntax Error: … limit of N exceeded,
 * found M." and throws; instead we report our own refusal (see limitError)
 * to the validation context, keeping armor's count.
 */
function refuse(reason: LimitReason, limit: number) {
  return {
    n: limit,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = Number(/found (\d+)/.exec(error.message)?.[1]);
        context?.reportError(limitError(reason, limit, Number.isNaN(found) ? undefined : found));
      },
    ],
  };
}

/**
 * Everything Apollo Server needs to enforce operationLimits: armor's
 * validation for depth, aliases and directives, our cost plugin, and
 * graphql-js's own token limit in the parser (armor's token plugin threw
 * outside the parser and so answered 500).
 */
export function createLimits() {
  const armor = new ApolloArmor({
    maxDepth: refuse('QUERY_TOO_DEEP', operationLimits.maxDepth),
    maxAliases: refuse('TOO_MANY_ALIASES', operationLimits.maxAliases),
    maxDirectives: refuse('TOO_MANY_DIRECTIVES', operationLimits.maxDirectives),
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Suggestions are removed for anonymous callers only, in error formatting.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [...armor.plugins, costLimitPlugin(operationLimits.maxCost)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: operationLimits.maxTokens },
  };
}

// graphql-js's wording when parseOptions.maxTokens stops the parser (graphql 16.15, typo included).
const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens/;

/** The token-limit parse failure restated as our limit refusal; undefined for any other error. */
export function tokenLimitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const limit = TOKEN_LIMIT.exec(formatted.message)?.[1];
  return limit === undefined ? undefined : limitError('TOO_MANY_TOKENS', Number(limit)).toJSON();
}
