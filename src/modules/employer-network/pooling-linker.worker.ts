import { parentPort, workerData } from 'node:worker_threads';
import { relink, RelinkInput } from './linking/incremental';

/** Runs in a worker thread (see PoolingLinker): links, posting its progress, then its outcome. */
const input = workerData as Omit<RelinkInput, 'onProgress'>;
const outcome = relink({
  ...input,
  onProgress: (done, total) => parentPort!.postMessage({ progress: { done, total } }),
});
parentPort!.postMessage({ outcome });
