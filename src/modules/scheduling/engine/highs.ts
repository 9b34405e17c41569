import highsLoader, { Highs } from 'highs';

let loading: Promise<Highs> | undefined;

/** One HiGHS runtime per process; its log is dropped so that CLI stdout stays pure JSON. */
export function getHighs(): Promise<Highs> {
  loading ??= highsLoader({ print: () => undefined, printErr: () => undefined });
  return loading;
}
