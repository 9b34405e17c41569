/**
 * `--explain <n>` of bench:pooling: where the missed true pairs and the false pairs of a run come from, by category and
 * weighted by the pairs they cost (pairwise figures count pairs), with <n> sample pairs of each of the largest
 * categories: both records as typed and the score's parts. Read-only: it re-scores pairs with the engine's own
 * functions (prepareForLinking, scorePair, factPoints) and never changes a result.
 */
import { distanceKm } from '../../../src/modules/employer-network/linking/commune';
import {
  DEFAULT_THRESHOLD,
  groupVerdict,
  prepareForLinking,
} from '../../../src/modules/employer-network/linking/link-records';
import { PreparedRecord } from '../../../src/modules/employer-network/linking/prepare';
import { factPoints, HARD_NO, namePoints, scorePair } from '../../../src/modules/employer-network/linking/score-pair';
import { nameSimilarity } from '../../../src/modules/employer-network/linking/similarity';
import { LinkableRecord, LinkOptions, LinkResult } from '../../../src/modules/employer-network/linking/types';

type Truth = Array<{ recordId: string; companyKey: string; siren: string }>;

/** At most this many records of a piece are tried to find the pair that came closest (or that linked). */
const SAMPLE = 25;

export function explain(
  records: readonly LinkableRecord[],
  truth: Truth,
  result: LinkResult,
  options: LinkOptions,
  samples: number,
): void {
  const state = prepareForLinking(records, options);
  const { prepared, table } = state;
  const byId = new Map(prepared.map((p) => [p.recordId, p]));
  const raw = new Map(records.map((r) => [r.recordId, r]));
  const keyOf = new Map(truth.map((t) => [t.recordId, t.companyKey]));
  const sirenOf = new Map(truth.map((t) => [t.recordId, t.siren]));
  const sitesOfSiren = new Map<string, Set<string>>();
  for (const t of truth)
    (sitesOfSiren.get(t.siren) ?? sitesOfSiren.set(t.siren, new Set()).get(t.siren)!).add(t.companyKey);
  const chain = (p: PreparedRecord) => (sitesOfSiren.get(sirenOf.get(p.recordId)!)!.size > 1 ? 'chain' : 'single');
  const ms = (a: PreparedRecord, b: PreparedRecord) =>
    a.multiSiteName || b.multiSiteName || a.multiSiteCity || b.multiSiteCity ? 'ms' : 'not-ms';
  const predicted = new Map<string, number>();
  result.clusters.forEach((c, i) => c.forEach((id) => predicted.set(id, i)));
  const clusterOf = (id: string) => predicted.get(id) ?? `s${id}`;
  const members = new Map<string | number, PreparedRecord[]>();
  result.clusters.forEach((c, i) =>
    members.set(
      i,
      c.map((id) => byId.get(id)!),
    ),
  );
  const keysMemo = new Map<string, Set<string>>();
  const keysOf = (p: PreparedRecord) => {
    let k = keysMemo.get(p.recordId);
    if (!k) keysMemo.set(p.recordId, (k = new Set(state.blockingKeys(p))));
    return k;
  };
  const blocked = (a: PreparedRecord, b: PreparedRecord) => {
    const kb = keysOf(b);
    for (const k of keysOf(a)) if (kb.has(k)) return true;
    return false;
  };

  const describePlace = (a: PreparedRecord, b: PreparedRecord): string => {
    if (!a.commune && !b.commune) return 'both unplaced';
    if (!a.commune || !b.commune) {
      const u = a.commune ? b : a;
      return u.postcodeCommunes ? 'one unplaced, postcode' : 'one without place';
    }
    if (a.commune === b.commune) return 'same commune';
    if (a.city === b.city) return 'same city';
    if (!a.coords || !b.coords) return 'unknown coords';
    const d = distanceKm(a.coords, b.coords);
    return d <= 10 ? 'town ≤10 km' : d <= 20 ? 'town 10-20 km' : d <= 30 ? 'town 20-30 km' : 'town >30 km';
  };
  const kind = (p: PreparedRecord) =>
    /^(commune|ccas|cias|mds|ch|chu|cc|ca|ehpad)$/.test(p.name.tokens[0] ?? '') ? 'public' : 'firm';
  const simOf = (a: PreparedRecord, b: PreparedRecord) => nameSimilarity(a.name, b.name, table);
  const flags = (p: PreparedRecord) =>
    [
      p.siretShared && 'siretShared',
      p.multiSiteCity && 'msCity',
      p.multiSiteCommune && 'msCommune',
      p.multiSiteName && 'msName',
      p.loneSpelling && 'lone',
      p.postcodeSite && `pcSite=${p.postcodeSite}`,
    ]
      .filter(Boolean)
      .join(',');
  const show = (p: PreparedRecord) => {
    const r = raw.get(p.recordId)!;
    const contacts = (r.contacts ?? []).map((c) => [c.email, c.phone].filter(Boolean).join(' ')).join(' | ');
    return (
      `    ${p.recordId} ${r.siaeId} «${r.name}» → [${p.name.tokens.join(' ')}] siret=${r.siret ?? '-'} siren=${r.siren ?? '-'}` +
      ` commune=${r.communeInsee ?? '-'} cp=${r.postcode ?? '-'} addr=«${r.address ?? '-'}» naf=${r.naf ?? '-'} {${flags(p)}}` +
      `\n      contacts: ${contacts || '-'}  truth=${keyOf.get(p.recordId)}`
    );
  };
  const breakdown = (a: PreparedRecord, b: PreparedRecord) => {
    const f = factPoints(a, b, table);
    const sim = simOf(a, b);
    return (
      `score=${fmt(scorePair(a, b, table))} name sim=${sim.toFixed(2)} (${fmt(namePoints(sim))}) place=${fmt(f.place)}` +
      ` ids=${fmt(f.ids)} address=${fmt(f.address)} contact=${fmt(f.contact)} facts=${fmt(f.total)} identity=${fmt(f.identity)}` +
      ` blocked=${blocked(a, b)}`
    );
  };

  // The pair of two pieces that scored highest (the one closest to linking them, or the one that did).
  const bestPair = (xs: PreparedRecord[], ys: PreparedRecord[]): [PreparedRecord, PreparedRecord, number] => {
    let best: [PreparedRecord, PreparedRecord, number] = [xs[0], ys[0], -Infinity];
    for (const x of xs.slice(0, SAMPLE))
      for (const y of ys.slice(0, SAMPLE)) {
        const s = scorePair(x, y, table);
        if (s > best[2]) best = [x, y, s];
      }
    return best;
  };

  // the cross pairs of the two predicted clusters whose facts speak against the merge
  const againstPairs = (a: PreparedRecord, b: PreparedRecord) => {
    const xs = members.get(clusterOf(a.recordId)) ?? [a];
    const ys = members.get(clusterOf(b.recordId)) ?? [b];
    console.log(`      clusters of ${xs.length} and ${ys.length} records; pairs with facts ≤ -2:`);
    let shown = 0;
    for (const x of xs)
      for (const y of ys) {
        const f = factPoints(x, y, table);
        if (f.total > -2 || shown >= 4) continue;
        shown++;
        console.log(`      ${x.recordId} × ${y.recordId}: ${breakdown(x, y)}`);
        console.log(show(x === a || x === b ? x : x).replace(/^/gm, '  '));
        console.log(show(y).replace(/^/gm, '  '));
      }
  };

  interface Entry {
    weight: number;
    a: PreparedRecord;
    b: PreparedRecord;
  }
  const report = (title: string, entries: Map<string, Entry[]>, total: number) => {
    const rows = [...entries].map(([k, list]) => [k, list.reduce((s, e) => s + e.weight, 0), list] as const);
    rows.sort((x, y) => y[1] - x[1]);
    console.log(`\n-- ${title}: ${total} pairs`);
    const byFirst = new Map<string, number>();
    for (const [k, w] of rows) byFirst.set(k.split(' | ')[0], (byFirst.get(k.split(' | ')[0]) ?? 0) + w);
    const byPlace = new Map<string, number>();
    for (const [k, w] of rows) byPlace.set(k.split(' | ')[1], (byPlace.get(k.split(' | ')[1]) ?? 0) + w);
    console.log(`  ${[...byPlace].map(([k, w]) => `${k}: ${((100 * w) / total).toFixed(1)}%`).join('; ')}`);
    console.log(`  ${[...byFirst].map(([k, w]) => `${k}: ${((100 * w) / total).toFixed(1)}%`).join('; ')}`);
    for (const [k, w] of rows.slice(0, 30)) console.log(`  ${((100 * w) / total).toFixed(1).padStart(5)}%  ${w}  ${k}`);
    // EXPLAIN_FILTER (a regular expression): samples of every matching category instead of the six largest
    const filter = process.env.EXPLAIN_FILTER ? new RegExp(process.env.EXPLAIN_FILTER) : null;
    for (const [k, , list] of filter ? rows.filter(([c]) => filter.test(c)) : rows.slice(0, 6)) {
      if (samples <= 0) break;
      console.log(`\n  samples of «${k}»:`);
      const sorted = [...list].sort((x, y) => y.weight - x.weight);
      for (const e of sorted.slice(0, samples)) {
        console.log(`   weight ${e.weight}: ${breakdown(e.a, e.b)}`);
        console.log(show(e.a));
        console.log(show(e.b));
        if (k.includes('group:')) againstPairs(e.a, e.b);
      }
    }
  };

  // Missed: the pieces a true establishment was cut into.
  const byKey = new Map<string, PreparedRecord[]>();
  for (const p of prepared) {
    const k = keyOf.get(p.recordId)!;
    (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(p);
  }
  const missed = new Map<string, Entry[]>();
  let missedTotal = 0;
  for (const group of byKey.values()) {
    const pieces = piecesOf(group, (p) => clusterOf(p.recordId));
    for (let i = 0; i < pieces.length; i++)
      for (let j = i + 1; j < pieces.length; j++) {
        const weight = pieces[i].length * pieces[j].length;
        const [a, b, s] = bestPair(pieces[i], pieces[j]);
        let why =
          s === HARD_NO
            ? 'hard no'
            : !blocked(a, b)
              ? 'never compared'
              : s < DEFAULT_THRESHOLD
                ? 'below threshold'
                : '';
        if (!why) {
          // the whole predicted clusters were judged, not the true pieces
          const whole = (p: PreparedRecord) => (members.get(clusterOf(p.recordId)) ?? [p]).map((q) => q.index);
          const v = groupVerdict(prepared, table, whole(a), whole(b));
          why = v.agree ? 'linked, merge not tried' : v.hardNo ? 'group: hard no' : `group: facts against`;
        }
        const size = Math.min(pieces[i].length, pieces[j].length) === 1 ? 'stray' : 'piece';
        const cat = `${size} ${why} | ${describePlace(a, b)} | ${kind(a)}/${kind(b)} | sim ${bucket(simOf(a, b))} | ${chain(a)} ${ms(a, b)}`;
        (missed.get(cat) ?? missed.set(cat, []).get(cat)!).push({ weight, a, b });
        missedTotal += weight;
      }
  }
  report('missed true pairs', missed, missedTotal);
  // by the size of the smaller piece: a stray (1), a few records (2-4), or a big cluster cut in two (5+)
  const bySize = new Map<string, number>();
  for (const group of byKey.values()) {
    const pieces = piecesOf(group, (p) => clusterOf(p.recordId));
    for (let i = 0; i < pieces.length; i++)
      for (let j = i + 1; j < pieces.length; j++) {
        const m = Math.min(pieces[i].length, pieces[j].length);
        const k = m === 1 ? 'smaller piece 1' : m <= 4 ? 'smaller piece 2-4' : 'smaller piece 5+';
        bySize.set(k, (bySize.get(k) ?? 0) + pieces[i].length * pieces[j].length);
      }
  }
  console.log(`  ${[...bySize].map(([k, w]) => `${k}: ${((100 * w) / missedTotal).toFixed(1)}%`).join('; ')}`);

  // False: establishments that a predicted cluster put together.
  const falsePairs = new Map<string, Entry[]>();
  let falseTotal = 0;
  for (const c of result.clusters) {
    const group = c.map((id) => byId.get(id)!);
    const pieces = piecesOf(group, (p) => keyOf.get(p.recordId)!);
    for (let i = 0; i < pieces.length; i++)
      for (let j = i + 1; j < pieces.length; j++) {
        const weight = pieces[i].length * pieces[j].length;
        const [a, b] = bestPair(pieces[i], pieces[j]);
        const siren = sirenOf.get(a.recordId) === sirenOf.get(b.recordId) ? 'same SIREN' : 'other SIREN';
        const cat = `${siren} | ${describePlace(a, b)} | ${kind(a)}/${kind(b)} | sim ${bucket(simOf(a, b))}`;
        (falsePairs.get(cat) ?? falsePairs.set(cat, []).get(cat)!).push({ weight, a, b });
        falseTotal += weight;
      }
  }
  report('false pairs', falsePairs, falseTotal);
}

function piecesOf<T>(items: T[], key: (t: T) => string | number): T[][] {
  const m = new Map<string | number, T[]>();
  for (const x of items) {
    const k = key(x);
    (m.get(k) ?? m.set(k, []).get(k)!).push(x);
  }
  return [...m.values()].sort((a, b) => b.length - a.length);
}

const bucket = (s: number) => (s >= 0.85 ? '≥0.85' : s >= 0.7 ? '0.7-0.85' : s >= 0.5 ? '0.5-0.7' : '<0.5');
const fmt = (x: number | undefined) =>
  x === undefined ? '-' : x === HARD_NO ? 'NO' : Number.isInteger(x) ? String(x) : x.toFixed(2);
