import type { GraphQLCodegenDataMasking } from '@apollo/client/masking';

// Tells Apollo Client's hooks that operation types come from GraphQL Codegen
// with masked fragments, matching `dataMasking: true` at run time.
declare module '@apollo/client' {
  export interface TypeOverrides extends GraphQLCodegenDataMasking.TypeOverrides {}
}
