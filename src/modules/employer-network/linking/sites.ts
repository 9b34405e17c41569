import { PreparedRecord } from './prepare';
import { addressPoints } from './score-pair';
import { siretTypoOf } from './siret';
import { UnionFind } from './union-find';

/** Beyond these, a few more SIRETs or addresses under one name change nothing: the name is at several sites. */
const MAX_SIRETS = 40;
const MAX_ADDRESSES = 25;
/** Records of one SIRET looked at for a shared address or contact with those of another. */
const MAX_RECORDS_PER_SIRET = 8;

function sharesContact(a: PreparedRecord, b: PreparedRecord): boolean {
  for (const x of a.contactIds) if (b.contactIds.includes(x)) return true;
  return false;
}

/**
 * How many establishments the SIRETs typed under one name stand for (their own SIRETs: valid, not `siretShared`). A
 * SIRET and its typo (one digit wrong, two swapped: Luhn misses 0 and 9 swapped) are one. Two SIRETs of one SIREN whose
 * records share a street address or a contact are one as well: a head office's SIRET typed for this branch, where
 * nothing else showed it as shared (the head office itself known without its SIRET).
 */
export function siretSites(records: readonly PreparedRecord[]): number {
  const bySiret = new Map<string, PreparedRecord[]>();
  for (const p of records) {
    if (!p.siret || !p.siretValid || p.siretShared) continue;
    let list = bySiret.get(p.siret);
    if (!list) {
      if (bySiret.size >= MAX_SIRETS) continue;
      bySiret.set(p.siret, (list = []));
    }
    list.push(p);
  }
  const sirets = [...bySiret.keys()];
  if (sirets.length < 2) return sirets.length;
  const uf = new UnionFind(sirets.length);
  for (let i = 0; i < sirets.length; i++) {
    for (let j = i + 1; j < sirets.length; j++) {
      const [x, y] = [sirets[i], sirets[j]];
      if (uf.find(i) === uf.find(j)) continue;
      if (siretTypoOf(x, y) || (x.slice(0, 9) === y.slice(0, 9) && sameSite(bySiret.get(x)!, bySiret.get(y)!)))
        uf.union(i, j);
    }
  }
  return uf.groups().length;
}

function sameSite(xs: PreparedRecord[], ys: PreparedRecord[]): boolean {
  for (const a of xs.slice(0, MAX_RECORDS_PER_SIRET)) {
    for (const b of ys.slice(0, MAX_RECORDS_PER_SIRET)) {
      if (sharesContact(a, b) || addressPoints(a.address, b.address) >= 2) return true;
    }
  }
  return false;
}

/**
 * How many establishments the street addresses typed under one name stand for: two addresses are one site unless they
 * contradict each other, and a mistyped one ("Av des Lilss" / "Av des Llias") that agrees with the right one on each
 * side joins them: only addresses that no chain of agreeing ones connects are two sites. A second site needs an
 * address that more than one record confirms: one record with an odd street, against a street that several confirm,
 * is a stray, not a site (with no confirmed street at all, every distinct one counts).
 */
export function addressSites(records: readonly PreparedRecord[]): number {
  const byId = new Map<number, { p: PreparedRecord; count: number }>();
  for (const p of records) {
    if (!p.address || p.address.words.length === 0 || p.address.addressId === undefined) continue;
    const seen = byId.get(p.address.addressId);
    if (seen) seen.count++;
    else if (byId.size < MAX_ADDRESSES) byId.set(p.address.addressId, { p, count: 1 });
  }
  const distinct = [...byId.values()];
  if (distinct.length < 2) return distinct.length;
  const uf = new UnionFind(distinct.length);
  for (let i = 0; i < distinct.length; i++)
    for (let j = i + 1; j < distinct.length; j++)
      if (addressPoints(distinct[i].p.address, distinct[j].p.address) > -4) uf.union(i, j);
  const groups = uf.groups();
  const confirmed = groups.filter((g) => g.reduce((n, i) => n + distinct[i].count, 0) >= 2).length;
  return confirmed >= 1 ? confirmed : groups.length;
}
