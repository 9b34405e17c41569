import { linkRecords } from './link-records';
import type { LinkableRecord, LinkStatistics } from './types';
import { findCommunesCsv } from './communes-file';
import { generate, MAIN_PROFILE } from '../../../../test/bench/pooling/generator';
import { loadCommunes } from '../../../../test/bench/pooling/io';

const canonical = (clusters: string[][]) =>
  clusters
    .map((c) => [...c].sort())
    .map((c) => c.join(','))
    .sort();

/** The engine options the incremental pooling relies on leave the default linking as it was. */
describe('linking engine options for incremental pooling', () => {
  const communes = loadCommunes(findCommunesCsv(__dirname)!);
  const records: LinkableRecord[] = generate(
    { ...MAIN_PROFILE, seed: 11, records: 1500, siaeCount: 40 },
    communes,
  ).records;

  it('its own statistics given back, or a focus on every record, link exactly as by default', () => {
    let statistics: LinkStatistics | undefined;
    const plain = linkRecords(records, { communes, focus: (view) => ((statistics = view.statistics), null) });
    expect(statistics!.records).toBe(records.length);
    const fed = linkRecords(records, { communes, statistics });
    expect(canonical(fed.clusters)).toEqual(canonical(plain.clusters));
    const all = linkRecords(records, { communes, focus: () => new Set(records.map((r) => r.recordId)) });
    expect(canonical(all.clusters)).toEqual(canonical(plain.clusters));
    expect(all.stats.candidatePairs).toBe(plain.stats.candidatePairs);
  });

  it('a focus scores only pairs inside it, reports progress, and components contain the clusters', () => {
    const focus = new Set(records.slice(0, 300).map((r) => r.recordId));
    const seen: Array<[number, number]> = [];
    const r = linkRecords(records, {
      communes,
      focus: () => focus,
      components: true,
      onProgress: (d, t) => seen.push([d, t]),
    });
    for (const c of r.clusters) expect(c.every((id) => focus.has(id))).toBe(true);
    expect(seen.at(-1)).toEqual([300, 300]);
    expect(seen.some(([d]) => d > 0 && d < 300)).toBe(true);
    const componentOf = new Map<string, number>();
    r.components!.forEach((g, i) => g.forEach((id) => componentOf.set(id, i)));
    for (const c of r.clusters) expect(new Set(c.map((id) => componentOf.get(id))).size).toBe(1);
  });
});
