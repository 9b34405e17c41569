// swc instead of ts-jest: Nest 12 is ESM-only and ts-jest fails on Node 20 (see ../shared/STACK.md).
const path = require('node:path');
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  rootDir: path.join(__dirname, '..'),
  cacheDirectory: path.join(__dirname, '..', '.jest-cache'),
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
};
