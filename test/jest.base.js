// swc instead of ts-jest: Nest 12 is ESM-only and ts-jest fails on Node 20 (see ../shared/STACK.md).
const path = require('node:path');
const swcFor = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      // tsx only for .tsx files: in a .ts file `<T>value` is a type assertion, not an element.
      parser: { syntax: 'typescript', decorators: true, tsx },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        // Pages are TSX rendered on the server by preact-render-to-string (see src/platform/web/README.md).
        react: { runtime: 'automatic', importSource: 'preact' },
      },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const swc = swcFor(false);
module.exports = {
  rootDir: path.join(__dirname, '..'),
  cacheDirectory: path.join(__dirname, '..', '.jest-cache'),
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.tsx$': swcFor(true), '^.+\\.m?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  setupFiles: [path.join(__dirname, 'support', 'fast-check-seed.js')],
};
