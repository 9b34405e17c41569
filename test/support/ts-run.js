/**
 * `node test/support/ts-run.js <file.ts> [args…]`: runs a TypeScript entry point of this repository straight from its
 * sources, compiled on require by swc with the options jest uses (test/jest.base.js). Used where a real process of its
 * own is the point — the worker killed with SIGKILL mid-run (test/support/worker-process.ts), `npm run
 * bench:event-day` — so that what runs is the code under test, never a stale dist/.
 */
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '..', '..');

function compile(module, filename) {
  const tsx = filename.endsWith('.tsx');
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        react: { runtime: 'automatic', importSource: 'preact' },
      },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
}

require.extensions['.ts'] = compile;
require.extensions['.tsx'] = compile;
process.setSourceMapsEnabled(true);

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node test/support/ts-run.js <file.ts> [args…]\n');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(root, entry), ...args];
require(resolve(root, entry));
