/**
 * The `schedule` command, apart from the process it runs in (schedule.cli.ts wires
 * it to argv, stdout, stderr and the exit status), so that it can be tested as is.
 *
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
        if (raw === undefined || !(value > 0) || !Number.isFinite(value))
          throw new UsageError(
            `--time-limit attend un nombre de secondes strictement positif (reçu ${raw === undefined ? 'aucune valeur' : raw})`,
          );
        timeLimit = value;
      } else {
        if (raw === undefined || !Number.isInteger(value))
          throw new UsageError(`--seed attend un entier (reçu ${raw === undefined ? 'aucune valeur' : raw})`);
        seed = value;
      }
    } else if (flag.startsWith('--')) {
      throw new UsageError(`option inconnue ${flag}`);
    } else positional.push(flag);
  }
  if (positional.length !== 1) throw new UsageError("il faut exactement un fichier d'instance");
  return { path: positional[0], timeLimit, seed };
}

/** What the command touches outside itself. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file, or standard input for "-". */
  readFile(path: string): string;
  /** Seconds since the command started (Node start-up included): the time limit counts from there. */
  elapsedSeconds(): number;
}

export const processIo: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  elapsedSeconds: () => process.uptime(),
};

/**
 * Offset of the first JSON syntax error (JSON.parse's message is English and, on
 * Node 20, often gives no position): a scanner that checks the grammar and builds nothing.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (ch === '{') {
          ws();
          if (text[i] !== '"') fail();
          str();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (ch === '"') return str();
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!lit) fail();
    i += (lit as RegExpExecArray)[0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return at as number;
  }
}

function whereJsonBreaks(text: string): string {
  const at = jsonErrorOffset(text);
  if (at < 0) return 'erreur de syntaxe';
  if (at >= text.length) return "le texte s'arrête avant la fin du JSON";
  const before = text.slice(0, at).split('\n');
  return `erreur de syntaxe ligne ${before.length}, colonne ${before[before.length - 1].length + 1}`;
}

function readInstance(path: string, io: CommandIo): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `fichier introuvable : ${path}`
        : `lecture impossible de ${path} (${code ?? 'erreur inconnue'})`,
    );
  }
  // an editor's byte-order mark is not part of the JSON
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInstanceError([`le fichier ${path} n'est pas du JSON valide (${whereJsonBreaks(text)})`]);
  }
}

/** Runs the command and returns its exit status: 0 done, 2 bad usage or malformed instance, 1 anything else. */
export async function main(argv: string[], io: CommandIo = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    const instance = readInstance(args.path, io);
    // the limit counts from the command's start: Node start-up and JSON parsing are already spent
    const timeLimitSeconds =
      args.timeLimit === undefined ? undefined : Math.max(0.1, args.timeLimit - io.elapsedSeconds());
    const result = await solveSchedule(instance as ScheduleInstance, { timeLimitSeconds, seed: args.seed });
    const { meetings, objective, bound, gap, status, solveTimeSeconds, stats } = result;
    io.stdout(`${JSON.stringify({ meetings, objective, bound, gap, status, solveTime: solveTimeSeconds, stats })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`schedule : ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InvalidInstanceError) {
      io.stderr(`schedule : ${e.message}\n`);
      return 2;
    }
    io.stderr(`schedule : erreur interne du moteur de planification (${e instanceof Error ? e.message : String(e)})\n`);
    return 1;
  }
}
