import { generate, MAIN_PROFILE, prng } from '../../../../test/bench/pooling/generator';
import { loadCommunes } from '../../../../test/bench/pooling/io';
import { findCommunesCsv } from './communes-file';
import { PreviousLinking, relink, RelinkOutcome } from './incremental';
import { linkRecords } from './link-records';
import type { LinkableRecord, LinkStatistics } from './types';

const communes = loadCommunes(findCommunesCsv(__dirname)!);
const canonical = (clusters: string[][]) => clusters.map((c) => [...c].sort().join(',')).sort();
const byId = (a: LinkableRecord, b: LinkableRecord) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);

/** The whole clustering after a run: the relinked records' new clusters, every other record's previous one. */
function applyOutcome(clusterOf: Map<string, string>, outcome: RelinkOutcome, present: Set<string>): void {
  for (const id of [...clusterOf.keys()]) if (!present.has(id) || outcome.relinked.has(id)) clusterOf.delete(id);
  for (const c of outcome.clusters) {
    const key = c.reduce((m, x) => (x < m ? x : m));
    for (const id of c) clusterOf.set(id, key);
  }
}

function clustersOf(clusterOf: Map<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [id, key] of clusterOf) (groups.get(key) ?? groups.set(key, []).get(key)!).push(id);
  return [...groups.values()];
}

function fullClusters(
  records: LinkableRecord[],
  statistics: LinkStatistics,
  mustLink: Array<[string, string]>,
  cannotLink: Array<[string, string]>,
) {
  const r = linkRecords(records, { communes, statistics, mustLink, cannotLink });
  const inCluster = new Set(r.clusters.flat());
  return [...r.clusters, ...records.filter((x) => !inCluster.has(x.recordId)).map((x) => [x.recordId])];
}

const previousOf = (o: RelinkOutcome, engineVersion = 'v1'): PreviousLinking => ({
  engineVersion,
  statistics: o.statistics,
  corrections: o.corrections,
  drift: o.drift,
  states: o.states,
});

describe('incremental linking', () => {
  // dense on purpose (one department): chains, twins, head-office SIRETs and shared contacts meet often
  const set = generate(
    {
      ...MAIN_PROFILE,
      seed: 4711,
      records: 800,
      siaeCount: 30,
      departments: ['69'],
      chainShare: 0.12,
      twinShare: 0.2,
      headOfficeSiret: 0.3,
      chainSharedContact: 0.25,
    },
    communes,
  );
  const pool = [...set.records].sort(byId);

  it('equals a full linking with the same statistics after every step of random changes', () => {
    const rnd = prng(99);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    let records: LinkableRecord[] = pool.slice(0, 500);
    const reserve = pool.slice(500);
    const mustLink: Array<[string, string]> = [];
    const cannotLink: Array<[string, string]> = [];
    const input = () => ({ records: [...records].sort(byId), mustLink, cannotLink, communes, engineVersion: 'v1' });

    let outcome = relink({ ...input(), previous: null });
    expect(outcome.mode).toBe('full');
    const plain = linkRecords(input().records, { communes });
    expect(canonical(outcome.clusters.filter((c) => c.length > 1))).toEqual(canonical(plain.clusters));
    const clusterOf = new Map<string, string>();
    applyOutcome(clusterOf, outcome, new Set(records.map((r) => r.recordId)));

    const modes: string[] = [];
    const relinkedShares: number[] = [];
    for (let step = 0; step < 25; step++) {
      const changes = 1 + Math.floor(rnd() * 3);
      for (let c = 0; c < changes; c++) {
        const kind = Math.floor(rnd() * 10);
        const i = Math.floor(rnd() * records.length);
        const r = records[i];
        const other = pick(records);
        if (kind === 0 && reserve.length)
          records.push(reserve.pop()!); // shared
        else if (kind === 1)
          records.splice(i, 1); // withdrawn
        else if (kind === 2)
          records[i] = { ...r, name: rnd() < 0.5 ? other.name : r.name.slice(0, -1) }; // name edited
        else if (kind === 3)
          records[i] = { ...r, siret: rnd() < 0.5 ? other.siret : null }; // SIRET edited
        else if (kind === 4)
          records[i] = { ...r, communeInsee: other.communeInsee, address: rnd() < 0.5 ? other.address : null }; // moved
        else if (kind === 5)
          records[i] = {
            ...r,
            contacts:
              rnd() < 0.5
                ? [...(other.contacts ?? [])].map((x) => ({ ...x, contactId: `${x.contactId}-${step}` }))
                : [],
          }; // contacts
        else if (kind === 6) {
          // an SIAE leaves the collective
          const siae = r.siaeId;
          records = records.filter((x) => x.siaeId !== siae);
        } else if (kind === 7)
          mustLink.push([r.recordId, other.recordId]); // human merge
        else if (kind === 8) {
          // human split inside a cluster
          const mates = [...clusterOf].filter(([id, k]) => k === clusterOf.get(r.recordId) && id !== r.recordId);
          if (mates.length) cannotLink.push([r.recordId, pick(mates)[0]]);
        } else if (mustLink.length) mustLink.splice(Math.floor(rnd() * mustLink.length), 1); // a merge undone
      }
      const before = outcome;
      outcome = relink({ ...input(), previous: previousOf(before) });
      modes.push(outcome.mode);
      const present = new Set(records.map((r) => r.recordId));
      applyOutcome(clusterOf, outcome, present);
      expect(clusterOf.size).toBe(present.size);
      const full = fullClusters(input().records, outcome.statistics, mustLink, cannotLink);
      expect(canonical(clustersOf(clusterOf))).toEqual(canonical(full));
      if (outcome.mode === 'incremental') relinkedShares.push(outcome.relinked.size / records.length);
    }
    // both paths ran, and an incremental run re-links a small part
    expect(modes.filter((m) => m === 'incremental').length).toBeGreaterThan(12);
    expect(modes).toContain('full');
    relinkedShares.sort((a, b) => a - b);
    expect(relinkedShares[Math.floor(relinkedShares.length / 2)]).toBeLessThan(0.5);
  });

  it('nothing changed: no linking at all; the engine version changed: a full re-link', () => {
    const records = pool.slice(0, 400);
    const first = relink({ records, mustLink: [], cannotLink: [], communes, engineVersion: 'v1', previous: null });
    let calls = 0;
    const again = relink({
      records,
      mustLink: [],
      cannotLink: [],
      communes,
      engineVersion: 'v1',
      previous: previousOf(first),
      onProgress: () => calls++,
    });
    expect(again.mode).toBe('unchanged');
    expect(again.engine).toBeNull();
    expect(calls).toBe(0);
    expect(again.states).toEqual(first.states);
    const upgraded = relink({
      records,
      mustLink: [],
      cannotLink: [],
      communes,
      engineVersion: 'v2',
      previous: previousOf(first),
    });
    expect(upgraded).toMatchObject({ mode: 'full', reason: 'engine' });
    const asked = relink({
      records,
      mustLink: [],
      cannotLink: [],
      communes,
      engineVersion: 'v1',
      previous: previousOf(first),
      full: true,
    });
    expect(asked).toMatchObject({ mode: 'full', reason: 'requested' });
  });

  it('one edited record re-links its neighbourhood only, and reports progress over it', () => {
    const records = pool.slice(0, 800);
    const first = relink({ records, mustLink: [], cannotLink: [], communes, engineVersion: 'v1', previous: null });
    const edited = records.map((r, i) => (i === 10 ? { ...r, name: `${r.name} Services` } : r));
    const progress: number[] = [];
    const next = relink({
      records: edited,
      mustLink: [],
      cannotLink: [],
      communes,
      engineVersion: 'v1',
      previous: previousOf(first),
      onProgress: (d) => progress.push(d),
    });
    expect(next.mode).toBe('incremental');
    expect(next.relinked.has(records[10].recordId)).toBe(true);
    expect(next.relinked.size).toBeLessThan(records.length / 10);
    expect(progress.at(-1)).toBe(next.relinked.size);
  });
});
