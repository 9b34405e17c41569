import type { Highs, InitOptions } from 'highs';

// the package's typings describe its ES module build, which is what import() loads at run time
type Loader = (options?: InitOptions) => Promise<Highs>;

let loading: Promise<Highs> | undefined;

/**
 * One HiGHS runtime per process, loaded on first use only: most plans are proven
 * without it, and a CLI run should not pay for its glue code. Its log is dropped
 * so that CLI stdout stays pure JSON.
 */
export function getHighs(): Promise<Highs> {
  loading ??= import('highs').then((m) =>
    (m.default as unknown as Loader)({ print: () => undefined, printErr: () => undefined }),
  );
  return loading;
}
