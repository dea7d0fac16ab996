import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on every operation, before it runs: nesting depth, estimated cost,
 * aliases (a cheap way to multiply work), directives and document size.
 */
export const operationLimits = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
};

export function createLimits() {
  return new ApolloArmor({
    // Limits are stated in the errors: partner tools need to know what to stay under.
    maxDepth: { n: operationLimits.maxDepth, exposeLimits: true },
    costLimit: { maxCost: operationLimits.maxCost, exposeLimits: true },
    maxAliases: { n: operationLimits.maxAliases, exposeLimits: true },
    maxDirectives: { n: operationLimits.maxDirectives, exposeLimits: true },
    maxTokens: { n: operationLimits.maxTokens, exposeLimits: true },
    // Suggestions are removed for anonymous callers only, in error formatting.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
