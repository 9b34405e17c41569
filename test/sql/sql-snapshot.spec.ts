/**
 * The SQL snapshot (test/sql/*.sql) is what the code sends today: fails, with the first differing lines, when a
 * statement changed without `npm run sql:snapshot`. With SQL_SNAPSHOT=write (that script), writes the files instead.
 */
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSnapshots } from './sql-snapshot';

const dir = __dirname;
const write = process.env.SQL_SNAPSHOT === 'write';

function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `ligne ${i + 1}\n  fichier : ${a[i] ?? '(fin)'}\n  code    : ${b[i] ?? '(fin)'}`;
}

describe('SQL snapshot (test/sql/*.sql)', () => {
  it('equals the statements the code builds', async () => {
    const rendered = await renderSnapshots();
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.sql'));
    if (write) {
      for (const f of onDisk) if (!rendered.has(f)) unlinkSync(join(dir, f));
      for (const [file, text] of rendered) writeFileSync(join(dir, file), text);
      return;
    }
    const problems: string[] = [];
    for (const f of onDisk) if (!rendered.has(f)) problems.push(`${f} : aucun rendu ne l'écrit plus`);
    for (const [file, text] of rendered) {
      if (!onDisk.includes(file)) problems.push(`${file} : absent du dépôt`);
      else {
        const committed = readFileSync(join(dir, file), 'utf8');
        if (committed !== text) problems.push(`${file} diffère du SQL du code, ${firstDifference(committed, text)}`);
      }
    }
    if (problems.length > 0)
      throw new Error(
        `Instantané SQL périmé : le code construit d'autres requêtes que test/sql/*.sql. Relisez le changement, ` +
          `puis régénérez avec npm run sql:snapshot et commitez les fichiers.\n${problems.join('\n')}`,
      );
  });
});
