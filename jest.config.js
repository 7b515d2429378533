/** Jest runs the TypeScript tests through ts-jest; type errors are caught by `npm run build`/`typecheck`. */
module.exports = {
  // The node environment with one copy of the native tree-sitter binding per worker (see the file).
  testEnvironment: '<rootDir>/test/helpers/environment.js',
  moduleNameMapper: { '^tree-sitter$': '<rootDir>/test/helpers/tree-sitter-shared.js' },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testTimeout: 30000,
};
