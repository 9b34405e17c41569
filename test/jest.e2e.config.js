const base = require('./jest.base');
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Generous for hooks that build a whole world (access matrix, matching) on a loaded 2-core machine; no test times
  // behaviour: performance lives in the bench scripts.
  testTimeout: 90000,
};
