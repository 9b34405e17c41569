import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * One owner per error code (issue 12): a code is built (`new AppError('CODE', …)`) in one file only; every other
 * module reuses that factory (`structuresErrors.collectiveNotFound()`…), so one idea never answers two codes or two
 * sentences. Read from the sources, so a new module is covered without being listed.
 */
describe('error codes', () => {
  it('are each built in exactly one file', () => {
    const owners = new Map<string, Set<string>>();
    for (const file of files(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*['"]([A-Z][A-Z0-9_]+)['"]/g)) {
        const code = match[1];
        (owners.get(code) ?? owners.set(code, new Set()).get(code)!).add(relative(src, file));
      }
    }
    const shared = [...owners].filter(([, where]) => where.size > 1).map(([code, where]) => `${code}: ${[...where]}`);
    expect(owners.size).toBeGreaterThan(50);
    expect(shared).toEqual([]);
  });

  it('never name one idea twice with the same words in another order (COMMUNE_UNKNOWN beside UNKNOWN_COMMUNE)', () => {
    const byWords = new Map<string, Set<string>>();
    for (const file of files(src))
      for (const match of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*['"]([A-Z][A-Z0-9_]+)['"]/g)) {
        const words = match[1].split('_').sort().join('_');
        (byWords.get(words) ?? byWords.set(words, new Set()).get(words)!).add(match[1]);
      }
    expect([...byWords.values()].filter((codes) => codes.size > 1).map((codes) => [...codes])).toEqual([]);
  });
});
