import { normaliseEmail, toE164 } from './phone';
import { fold } from './text';
import { editDistance } from './text';
import { LinkableContact, LinkableRecord } from './types';
import { UnionFind } from './union-find';

interface PreparedContact {
  contactId: string;
  cluster: number;
  first: string;
  last: string;
  email: string | null;
  phone: string | null;
}

const clean = (s: string | null | undefined) =>
  fold(s ?? '')
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** "Jean-Pierre" / "J.-P." / "Jean" / "" are compatible first names; a typo is allowed in long ones. */
function firstNamesAgree(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  const ia = a
    .split(' ')
    .map((w) => w[0])
    .join('');
  const ib = b
    .split(' ')
    .map((w) => w[0])
    .join('');
  if (a.length <= 2 || b.length <= 2) return ia === ib || a[0] === b[0];
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return Math.min(a.length, b.length) >= 4 && editDistance(a, b, 1) <= 1;
}

function lastNamesAgree(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b, 1) <= 1;
}

function samePerson(a: PreparedContact, b: PreparedContact): boolean {
  if (!a.last && !a.first) return true;
  if (!b.last && !b.first) return true;
  // first and last swapped between two spreadsheets
  if (a.first === b.last && a.last === b.first) return true;
  return lastNamesAgree(a.last, b.last) && firstNamesAgree(a.first, b.first);
}

/**
 * Links the contacts that are one person: a shared e-mail (normalised) or phone (E.164), or the same name inside one
 * establishment cluster; in every case the names must agree, so a switchboard number or a generic "contact@" address
 * shared by colleagues never merges two people.
 */
export function linkContacts(records: readonly LinkableRecord[], recordClusters: UnionFind): string[][] {
  const contacts: PreparedContact[] = [];
  records.forEach((r, i) => {
    for (const c of (r.contacts ?? []) as LinkableContact[]) {
      contacts.push({
        contactId: c.contactId,
        cluster: recordClusters.find(i),
        first: clean(c.firstName),
        last: clean(c.lastName),
        email: normaliseEmail(c.email),
        phone: toE164(c.phone),
      });
    }
  });
  const uf = new UnionFind(contacts.length);
  const byKey = new Map<string, number[]>();
  contacts.forEach((c, i) => {
    const keys: string[] = [];
    if (c.email) keys.push(`e|${c.email}`);
    if (c.phone) keys.push(`p|${c.phone}`);
    if (c.last) keys.push(`n|${c.cluster}|${c.last}`);
    for (const k of keys) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(i);
  });
  for (const list of byKey.values()) {
    if (list.length < 2 || list.length > 200) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = contacts[list[x]];
        const b = contacts[list[y]];
        if (uf.find(list[x]) !== uf.find(list[y]) && samePerson(a, b)) uf.union(list[x], list[y]);
      }
    }
  }
  return uf
    .groups()
    .filter((g) => g.length > 1)
    .map((g) => g.map((i) => contacts[i].contactId));
}
