import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The committed contract, never a live server: builds stay reproducible and
  // offline, and a schema change shows up as a type error here.
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Apollo Client masks data at run time (`dataMasking: true`), so the
        // preset's own type-only masking and its unmask helper are turned off.
        fragmentMasking: false,
      },
      config: {
        // Types match Apollo Client's masking: a fragment spread is an opaque
        // reference read with useFragment; `@unmask` opts a spread out.
        inlineFragmentTypes: 'mask',
        customDirectives: { apolloUnmask: true },
        defaultScalarType: 'unknown',
        strictScalars: true,
        // JSON values (detail values) are checked where they are used, never assumed.
        scalars: { DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        avoidOptionals: { field: true, inputValue: false },
        enumType: 'string-literal',
        useTypeImports: true,
      },
    },
  },
};

export default config;
