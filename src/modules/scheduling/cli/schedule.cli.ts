/**
 * npm run --silent schedule -- <instance.json> [--time-limit <seconds>] [--seed <n>]
 *
 * Only wires the process to the command (schedule.command.ts), which holds the behaviour and its tests.
 */
import { setFlagsFromString } from 'node:v8';
import { main, processIo } from './schedule.command';

// HiGHS is 3.5 MB of WebAssembly, only loaded when the flow relaxation cannot prove the plan. A one-shot
// process does not live long enough to repay V8's optimising compiler on it (measured on a harsh M instance:
// exact phase 1.0–1.5 s with tier-up, 0.3–0.5 s on the baseline compiler alone; a large LP runs somewhat
// slower on baseline code). Long-lived processes (the worker) keep V8's defaults. Must run before HiGHS loads.
setFlagsFromString('--liftoff-only');

void main(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
