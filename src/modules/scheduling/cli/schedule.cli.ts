/**
 * npm run --silent schedule -- <instance.json> [--time-limit <seconds>] [--seed <n>]
 *
 * Only wires the process to the command (schedule.command.ts), which holds the behaviour and its tests.
 */
import { main, processIo } from './schedule.command';

void main(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
