/** Jest runs the TypeScript tests through ts-jest; type errors are caught by `npm run build`/`typecheck`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/heuristics'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  testTimeout: 30000,
};
