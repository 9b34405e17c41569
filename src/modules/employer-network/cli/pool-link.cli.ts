/**
 * npm run --silent pool:link -- <folder> [--communes <communes.csv>] [--threshold <points>]
 *
 * Runs the pooling's linking engine on a folder holding `records.jsonl` (format of shared/bench/pooling/FORMAT.md)
 * and prints `links.json` ({clusters, contactClusters, meta}) on stdout, one cluster per line, for score.mjs.
 * Exit 0 on success, 2 on a usage error or a malformed file; messages in French on stderr, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findCommunesCsv, readCommunesCsv } from '../linking/communes-file';
import { linkRecords } from '../linking/link-records';
import { LinkableRecord } from '../linking/types';

const USAGE = 'usage : npm run --silent pool:link -- <dossier> [--communes <fichier.csv>] [--threshold <points>]';

class UsageError extends Error {}

function parseArgs(argv: string[]): { folder: string; communes?: string; threshold?: number } {
  const positional: string[] = [];
  let communes: string | undefined;
  let threshold: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--communes') communes = argv[++i];
    else if (a === '--threshold') {
      threshold = Number(argv[++i]);
      if (!Number.isFinite(threshold)) throw new UsageError('--threshold attend un nombre');
    } else if (a.startsWith('--')) throw new UsageError(`option inconnue ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError('il faut exactement un dossier');
  return { folder: positional[0], communes, threshold };
}

export function readRecords(file: string): LinkableRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`fichier illisible ou introuvable : ${file}`);
  }
  const out: LinkableRecord[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1} : JSON invalide`);
    }
    const r = row as Partial<LinkableRecord>;
    if (!r || typeof r.recordId !== 'string' || typeof r.siaeId !== 'string' || typeof r.name !== 'string')
      throw new UsageError(`${file}:${i + 1} : recordId, siaeId et name sont obligatoires`);
    if (ids.has(r.recordId)) throw new UsageError(`${file}:${i + 1} : recordId ${r.recordId} en double`);
    ids.add(r.recordId);
    if (r.contacts !== undefined && r.contacts !== null && !Array.isArray(r.contacts))
      throw new UsageError(`${file}:${i + 1} : contacts doit être une liste`);
    out.push({ ...r, contacts: r.contacts ?? [] } as LinkableRecord);
  });
  return out;
}

function main(): number {
  try {
    const args = parseArgs(process.argv.slice(2));
    const records = readRecords(path.join(args.folder, 'records.jsonl'));
    const communesFile = args.communes ?? findCommunesCsv(__dirname) ?? findCommunesCsv(process.cwd());
    const communes = communesFile ? readCommunesCsv(communesFile) : undefined;
    const started = process.hrtime.bigint();
    const result = linkRecords(records, { communes, threshold: args.threshold });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const meta = {
      engine: 'maillage-linking',
      seconds: Number(seconds.toFixed(3)),
      communes: communesFile,
      ...result.stats,
    };
    const parts = [`{"meta": ${JSON.stringify(meta)},`, '"clusters": ['];
    result.clusters.forEach((c, i) => parts.push(JSON.stringify(c) + (i < result.clusters.length - 1 ? ',' : '')));
    parts.push('],', '"contactClusters": [');
    result.contactClusters.forEach((c, i) =>
      parts.push(JSON.stringify(c) + (i < result.contactClusters.length - 1 ? ',' : '')),
    );
    parts.push(']}');
    process.stdout.write(parts.join('\n') + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pool:link : ${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`pool:link : erreur inattendue (${(e as Error).message})\n`);
    return 1;
  }
}

if (require.main === module) {
  // `pool:link … | head` closes the pipe early: not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = main();
}
