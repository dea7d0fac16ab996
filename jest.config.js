// One Jest run for every suite, so `npm test` reports a single total.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: { '^@cp/shared$': '<rootDir>/../shared/src/index.ts' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'shared', rootDir: 'packages/shared', testMatch: ['<rootDir>/src/**/*.test.ts'] },
    {
      ...common,
      displayName: 'api',
      rootDir: 'packages/api',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: 'packages/web',
      testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
      testEnvironment: '<rootDir>/e2e/support/failure-report-environment.js',
      globalSetup: '<rootDir>/../api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/../api/test/support/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
};
