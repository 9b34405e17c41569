import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RelinkInput, RelinkOutcome } from './linking/incremental';

/**
 * Links in a worker thread. The engine is synchronous and takes tens of seconds on a large collective: on the job's
 * own thread it would stop progress writes (nothing asynchronous runs until it returns), the HTTP server when the
 * worker shares a process with the API (tests), and BullMQ's lock renewals.
 */
export class PoolingLinker {
  relink(
    input: Omit<RelinkInput, 'onProgress'>,
    onProgress: (done: number, total: number) => void,
  ): Promise<RelinkOutcome> {
    return new Promise((resolve, reject) => {
      const worker = spawn(input);
      let settled = false;
      worker.on('message', (m: { progress?: { done: number; total: number }; outcome?: RelinkOutcome }) => {
        if (m.progress) onProgress(m.progress.done, m.progress.total);
        if (m.outcome) {
          settled = true;
          resolve(m.outcome);
          void worker.terminate();
        }
      });
      worker.on('error', (e) => {
        settled = true;
        reject(e);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`le calcul de mutualisation s'est arrêté (code ${code})`));
      });
    });
  }
}

function spawn(workerData: unknown): Worker {
  const file = path.join(__dirname, `pooling-linker.worker${path.extname(__filename)}`);
  if (file.endsWith('.js')) return new Worker(file, { workerData });
  // Run from TypeScript sources (jest): the thread compiles them with swc, as jest does for the rest.
  const bootstrap = `
    const { addHook } = require(${JSON.stringify(require.resolve('pirates'))});
    const swc = require(${JSON.stringify(require.resolve('@swc/core'))});
    addHook((code, filename) => swc.transformSync(code, { filename, sourceMaps: 'inline',
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code, { exts: ['.ts'] });
    require(${JSON.stringify(file)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}
