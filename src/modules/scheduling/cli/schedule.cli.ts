/**
 * npm run --silent schedule -- <instance.json> [--time-limit <seconds>] [--seed <n>]
 *
 * Prints the plan as JSON on stdout (format of shared/bench/jobdating/README.md,
 * with objective, bound, gap and status). Meetings to keep may be given in the
 * instance as `"locked": [{"candidate", "employer", "slot", "table"}]`.
 * Exit 0 on success, 2 on a usage error or a malformed instance, 1 otherwise;
 * errors are French sentences on stderr, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { InvalidInstanceError, solveSchedule } from '../engine';
import { ScheduleInstance } from '../engine/types';

const USAGE = 'usage : npm run --silent schedule -- <instance.json> [--time-limit <secondes>] [--seed <entier>]';

class UsageError extends Error {}

interface CliArgs {
  path: string;
  timeLimit?: number;
  seed?: number;
}

function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  let timeLimit: number | undefined;
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    if (flag === '--time-limit' || flag === '--seed') {
      const raw = inline ?? argv[++i];
      const value = Number(raw);
      if (flag === '--time-limit') {
        if (raw === undefined || !(value > 0) || !Number.isFinite(value)) throw new UsageError(`--time-limit attend un nombre de secondes strictement positif (reçu ${String(raw)})`);
        timeLimit = value;
      } else {
        if (raw === undefined || !Number.isInteger(value)) throw new UsageError(`--seed attend un entier (reçu ${String(raw)})`);
        seed = value;
      }
    } else if (flag.startsWith('--')) {
      throw new UsageError(`option inconnue ${flag}`);
    } else positional.push(flag);
  }
  if (positional.length !== 1) throw new UsageError('il faut exactement un fichier d\'instance');
  return { path: positional[0], timeLimit, seed };
}

function readInstance(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `fichier introuvable : ${path}` : `lecture impossible de ${path} (${code ?? 'erreur inconnue'})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InvalidInstanceError([`le fichier ${path} n'est pas du JSON valide (${(e as Error).message})`]);
  }
}

async function main(): Promise<number> {
  try {
    const args = parseArgs(process.argv.slice(2));
    const instance = readInstance(args.path);
    // the limit counts from the command's start: Node start-up and JSON parsing are already spent
    const timeLimitSeconds = args.timeLimit === undefined ? undefined : Math.max(0.1, args.timeLimit - process.uptime());
    const result = await solveSchedule(instance as ScheduleInstance, { timeLimitSeconds, seed: args.seed });
    const { meetings, objective, bound, gap, status, solveTimeSeconds, stats } = result;
    process.stdout.write(`${JSON.stringify({ meetings, objective, bound, gap, status, solveTime: solveTimeSeconds, stats })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`schedule : ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InvalidInstanceError) {
      process.stderr.write(`schedule : ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`schedule : erreur interne du moteur de planification (${e instanceof Error ? e.message : String(e)})\n`);
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
