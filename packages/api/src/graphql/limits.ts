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
    maxDepth: { n: operationLimits.maxDepth },
    costLimit: { maxCost: operationLimits.maxCost },
    maxAliases: { n: operationLimits.maxAliases },
    maxDirectives: { n: operationLimits.maxDirectives },
    maxTokens: { n: operationLimits.maxTokens },
    // Suggestions are removed for anonymous callers only, in error formatting.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
