import { cityOf } from './commune';
import { PUBLIC_BODIES } from './company-name';
import { linkContacts } from './link-contacts';
import { PreparedRecord, prepareRecords } from './prepare';
import { addressSites, siretSites } from './sites';
import { addressPoints, factPoints, HARD_NO, scorePair } from './score-pair';
import { LinkableRecord, LinkOptions, LinkResult } from './types';
import { TokenTable } from './similarity';
import { attachStrays, mayBeStrayOf } from './strays';
import { UnionFind } from './union-find';

export const DEFAULT_THRESHOLD = 3;
/** Blocks larger than this are too generic to say anything ("transport" in Paris): other keys cover their members. */
const MAX_BLOCK = 400;
/** When two clusters meet, at most this many cross pairs are re-scored (evenly sampled). */
const MAX_CROSS_PAIRS = 300;
/** Share of a name's records in the towns of a postcode that places a record without a commune in one of them. */
const DOMINANT_SHARE = 0.9;
/** Facts at or below this say "two establishments" (see groupsAgree). */
const AGAINST = -2;

function department(city: string): string {
  return city.startsWith('97') ? city.slice(0, 3) : city.slice(0, 2);
}

/** A postcode covering more towns than this says too little to compare a record without a commune in each of them. */
const MAX_POSTCODE_TOWNS = 12;

/**
 * Blocking keys: two records are compared only when they share one. The two rarest name words are keyed within a city
 * (so twins in other towns never meet; "transport" alone would pair every carrier of Paris), the rarest also by its
 * first and last four letters (a typo rarely hits both ends) or, when short, by its one-letter-short spellings; the
 * glued name's sorted letters and its first and last six letters within a city; rare words and the glued name within a
 * department (a neighbouring commune); the glued name alone for records without a commune or postcode; the street
 * number and either end of the street name within a department (the neighbouring commune typed, the name mistyped);
 * identifiers and contacts everywhere. A record without a commune is keyed, name-wise, in each town its postcode
 * covers, as if it had been placed there. Few keys per record on purpose: incremental pooling stores them.
 */
function blockingKeys(r: PreparedRecord, globalDf: Map<string, number>): string[] {
  const keys: string[] = [];
  // without a commune, the postcode still tells the department
  const dep = r.city ? department(r.city) : r.postcodeCommunes?.length ? department(r.postcodeCommunes[0]) : 'none';
  const places = r.city ? [r.city] : ['none'];
  if (!r.city && r.postcodeCommunes && r.postcodeCommunes.length <= MAX_POSTCODE_TOWNS)
    for (const c of new Set(r.postcodeCommunes.map(cityOf))) if (c) places.push(c);
  const byRarity = [...r.name.tokens].sort(
    (x, y) => (globalDf.get(x) ?? 0) - (globalDf.get(y) ?? 0) || (x < y ? -1 : 1),
  );
  const compact = r.name.compact;
  const sorted = compact.length >= 5 ? [...compact].sort().join('') : null;
  for (const place of places) {
    byRarity.slice(0, 2).forEach((t, rank) => {
      keys.push(`t|${place}|${t}`);
      if (rank > 0) return;
      if (t.length >= 6) {
        keys.push(`p|${place}|${t.slice(0, 4)}`);
        keys.push(`s|${place}|${t.slice(-4)}`);
      }
      // a short word also one letter short, at each letter: two spellings one slip apart ("Ntvia" / "Netvia", "Vdal" /
      // "Vidal") share one of these; a longer word keeps its first or its last four letters
      if (t.length >= 4 && t.length <= 7)
        for (let i = 0; i < t.length; i++) keys.push(`t|${place}|${t.slice(0, i)}${t.slice(i + 1)}`);
    });
    for (const i of r.name.initials) keys.push(`t|${place}|${i}`);
    // the glued name's letters in order: swapped letters and a misplaced hyphen ("Cpalo-g" / "Caplog") leave it as it is
    if (sorted) keys.push(`a|${place}|${sorted}`);
    // the glued name's ends: one slip in one of its words, or words split differently ("Mucan-ique Industrielle Pereira")
    if (compact.length >= 9) {
      keys.push(`h|${place}|${compact.slice(0, 6)}`);
      keys.push(`k|${place}|${compact.slice(-6)}`);
    }
  }
  for (const t of byRarity.slice(0, 2)) if ((globalDf.get(t) ?? 0) <= 60) keys.push(`r|${dep}|${t}`);
  keys.push(`c|${dep}|${r.name.compact}`);
  // a record without a commune whose postcode names its towns is keyed there instead (above)
  if (places.length === 1) keys.push(`x|${r.name.compact}`);
  const street = r.address?.compact ?? '';
  if (r.address?.number && street.length >= 4) {
    keys.push(`A|${dep}|${r.address.number}|${street.slice(0, 4)}`);
    keys.push(`B|${dep}|${r.address.number}|${street.slice(-4)}`);
  }
  if (r.siret) keys.push(`S|${r.siret}`);
  if (r.siren) keys.push(`N|${r.siren}|${r.city ?? 'none'}`);
  for (const e of r.emails) keys.push(`e|${e}`);
  for (const p of r.phones) keys.push(`f|${p}`);
  return keys;
}

/** The records as the pair scoring reads them: prepared, with the flags counted over the whole set. */
export interface LinkingState {
  table: TokenTable;
  prepared: PreparedRecord[];
  globalDf: Map<string, number>;
  statistics: { records: number; documentFrequency: Map<string, number> };
  blockingKeys(p: PreparedRecord): string[];
}

/** Everything linkRecords does before scoring pairs; also what the bench's --explain reads to show why a pair scored. */
export function prepareForLinking(records: readonly LinkableRecord[], options: LinkOptions = {}): LinkingState {
  const table = new TokenTable();
  const prepared = prepareRecords(records, table, options.communes, options.statistics);
  markSharedSirets(prepared);
  const globalDf = new Map<string, number>(options.statistics?.documentFrequency ?? []);
  if (!options.statistics)
    for (const p of prepared) for (const t of new Set(p.name.tokens)) globalDf.set(t, (globalDf.get(t) ?? 0) + 1);
  markMultiSiteNames(prepared, globalDf);
  const statistics = { records: options.statistics?.records ?? prepared.length, documentFrequency: globalDf };
  return { table, prepared, globalDf, statistics, blockingKeys: (p) => blockingKeys(p, globalDf) };
}

interface Edge {
  a: number;
  b: number;
  score: number;
}

/**
 * Links the records that describe one establishment. Candidate pairs come from blocking, are scored by `scorePair`,
 * and the pairs above the threshold are merged strongest first. Two clusters merge only if their members agree as
 * groups: no hard "no" (distance, human split) between any two of them, and at most a fifth of their cross pairs
 * speaking against it. This stops a vague record ("Adecco", Lyon, no address) from chaining two agencies together.
 * Last, the records left alone are judged against the clusters of their name around them (attachStrays).
 * Pure: same input, same output.
 */
export function linkRecords(records: readonly LinkableRecord[], options: LinkOptions = {}): LinkResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const { table, prepared, globalDf, statistics } = prepareForLinking(records, options);
  const n = prepared.length;
  const indexOf = new Map<string, number>();
  prepared.forEach((p) => indexOf.set(p.recordId, p.index));
  const focus =
    options.focus?.({ records: prepared, statistics, blockingKeys: (p) => blockingKeys(p, globalDf) }) ?? null;
  const inFocus = focus ? prepared.map((p) => focus.has(p.recordId)) : null;
  const blocks = new Map<string, number[]>();
  const unplacedBlocks = new Set<number[]>();
  const blocksOf: number[][][] = prepared.map((p) => {
    const lists: number[][] = [];
    for (const k of new Set(blockingKeys(p, globalDf))) {
      let list = blocks.get(k);
      if (!list) {
        blocks.set(k, (list = []));
        if (k.startsWith('x|')) unplacedBlocks.add(list);
      }
      list.push(p.index);
      lists.push(list);
    }
    return lists;
  });

  const edges: Edge[] = [];
  // pairs that may be one establishment seen from their clusters (see attachStrays)
  const neighbours = new Map<number, number[]>();
  const seen = new Int32Array(n).fill(-1);
  let candidatePairs = 0;
  const toScore = inFocus ? inFocus.filter(Boolean).length : n;
  let scored = 0;
  for (let i = 0; i < n; i++) {
    if (inFocus && !inFocus[i]) continue;
    const pi = prepared[i];
    for (const list of blocksOf[i]) {
      if (list.length < 2 || list.length > MAX_BLOCK) continue;
      // the glued-name key exists for records without a commune only
      const unplacedOnly = unplacedBlocks.has(list) && pi.city !== null;
      for (const j of list) {
        if (j <= i || seen[j] === i) continue;
        if (inFocus && !inFocus[j]) continue;
        if (unplacedOnly && prepared[j].city !== null) continue;
        seen[j] = i;
        candidatePairs++;
        const score = scorePair(pi, prepared[j], table);
        if (score >= threshold) edges.push({ a: i, b: j, score });
        if (score >= threshold || mayBeStrayOf(pi, prepared[j], score, table)) {
          (neighbours.get(i) ?? neighbours.set(i, []).get(i)!).push(j);
          (neighbours.get(j) ?? neighbours.set(j, []).get(j)!).push(i);
        }
      }
    }
    if (options.onProgress && ++scored % 256 === 0) options.onProgress(scored, toScore);
  }
  options.onProgress?.(toScore, toScore);

  const cannot = new Map<number, number[]>();
  for (const [x, y] of options.cannotLink ?? []) {
    const a = indexOf.get(x);
    const b = indexOf.get(y);
    if (a === undefined || b === undefined || a === b) continue;
    (cannot.get(a) ?? cannot.set(a, []).get(a)!).push(b);
    (cannot.get(b) ?? cannot.set(b, []).get(b)!).push(a);
  }

  const uf = new UnionFind(n);
  const members = new Map<number, number[]>();
  const membersOf = (root: number) => members.get(root) ?? [root];
  const humanSplit = (ra: number, rb: number): boolean => {
    for (const x of membersOf(ra)) for (const y of cannot.get(x) ?? []) if (uf.find(y) === rb) return true;
    return false;
  };
  const merge = (a: number, b: number) => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    const all = [...membersOf(ra), ...membersOf(rb)];
    const root = uf.union(ra, rb);
    members.delete(ra);
    members.delete(rb);
    members.set(root, all);
  };

  // A human merge is the law, whatever the scores say.
  for (const [x, y] of options.mustLink ?? []) {
    const a = indexOf.get(x);
    const b = indexOf.get(y);
    if (a === undefined || b === undefined) continue;
    if (uf.find(a) !== uf.find(b) && !humanSplit(uf.find(a), uf.find(b))) merge(a, b);
  }

  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  let links = 0;
  let mergesRefused = 0;
  // Two clusters linked by many edges are judged once, until one of them grows.
  const refused = new Map<string, number>();
  const tryMerge = (a: number, b: number): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return false;
    const key = ra < rb ? `${ra}|${rb}` : `${rb}|${ra}`;
    const sizes = membersOf(ra).length * 1_000_003 + membersOf(rb).length;
    if (refused.get(key) === sizes) return false;
    if (humanSplit(ra, rb) || !groupsAgree(prepared, table, membersOf(ra), membersOf(rb))) {
      refused.set(key, sizes);
      mergesRefused++;
      return false;
    }
    merge(a, b);
    links++;
    return true;
  };

  // 1. Records that say where they are (their own SIRET, or a street address) link first.
  const anchored = prepared.map(isAnchored);
  for (const e of edges) if (anchored[e.a] && anchored[e.b]) tryMerge(e.a, e.b);

  // 2. Then the others, strongest first.
  for (const e of edges) tryMerge(e.a, e.b);

  // 3. The records left alone, judged against the clusters.
  links += attachStrays({
    prepared,
    table,
    neighbours,
    find: (i) => uf.find(i),
    membersOf,
    attach: (s, root) => {
      if (humanSplit(uf.find(s), uf.find(root))) return false;
      merge(s, root);
      return true;
    },
  });

  const groups = uf.groups().filter((g) => g.length > 1);
  const clusters = groups.map((g) => g.map((i) => prepared[i].recordId));
  const contactClusters = linkContacts(records, uf);
  const result: LinkResult = { clusters, contactClusters, stats: { records: n, candidatePairs, links, mergesRefused } };
  if (options.components) {
    // what a change of one record can reach: every record joined to it by a link above the threshold or a human merge
    const joined = new UnionFind(n);
    for (const e of edges) joined.union(e.a, e.b);
    // and by the pairs through which a stray may join a cluster: its decision reads those clusters
    for (const [i, list] of neighbours) for (const j of list) joined.union(i, j);
    for (const [x, y] of options.mustLink ?? []) {
      const a = indexOf.get(x);
      const b = indexOf.get(y);
      if (a !== undefined && b !== undefined) joined.union(a, b);
    }
    result.components = joined
      .groups()
      .filter((g) => g.length > 1)
      .map((g) => g.map((i) => prepared[i].recordId));
  }
  return result;
}

/** Its own SIRET (valid, not a head office's typed at several sites) or a street address. */
function isAnchored(p: PreparedRecord): boolean {
  return (p.siret !== null && p.siretValid && !p.siretShared) || (p.address !== null && p.address.words.length > 0);
}

/**
 * Whether two clusters may become one: no hard "no" between any two of their members, and at most a fifth of their
 * cross pairs holding facts against it (two SIRETs, two addresses, two arrondissements, one SIAE twice). The names are
 * left out on purpose: they already linked the clusters, and in a big cluster some are always mistyped.
 */
function groupsAgree(prepared: PreparedRecord[], table: TokenTable, a: number[], b: number[]): boolean {
  return groupVerdict(prepared, table, a, b).agree;
}

/** groupsAgree with its count: cross pairs against, of those looked at, and whether a hard "no" decided it. */
export function groupVerdict(
  prepared: readonly PreparedRecord[],
  table: TokenTable,
  a: readonly number[],
  b: readonly number[],
): { agree: boolean; hardNo: boolean; against: number; count: number } {
  if (a.length === 1 && b.length === 1) return { agree: true, hardNo: false, against: 0, count: 0 };
  // A lone record's commune is one typing (often the neighbouring one): repeated against every member of the other
  // group it would outvote them all, although the pair score that proposed the merge has already paid for it. Only a
  // commune that two records confirm speaks for a second site.
  const loneRecord = a.length === 1 || b.length === 1;
  const total = a.length * b.length;
  const step = total > MAX_CROSS_PAIRS ? total / MAX_CROSS_PAIRS : 1;
  let against = 0;
  let count = 0;
  for (let k = 0; k < total; k += step) {
    const idx = Math.floor(k);
    const x = prepared[a[Math.floor(idx / b.length)]];
    const y = prepared[b[idx % b.length]];
    const f = factPoints(x, y, table);
    // a lone record too far from one member is judged against the whole group, not vetoed by one stray in it (unless
    // its name is known at several sites: then it may be another one)
    if (f.total === HARD_NO && (!loneRecord || x.multiSiteName || y.multiSiteName))
      return { agree: false, hardNo: true, against: against + 1, count: count + 1 };
    if (f.total === HARD_NO) {
      against++;
      count++;
      continue;
    }
    let facts = loneRecord && isNeighbourPenalty(x, y, f.place) ? f.total - f.place : f.total;
    // a lone record's odd street, under a name that no two confirmed addresses or SIRETs show at several sites, is one
    // typing against a group: it cannot say "second site" alone (a second site needs two records, see sites.ts)
    if (loneRecord && f.address! < 0 && !atSeveralSites(x) && !atSeveralSites(y)) facts -= f.address!;
    if (facts <= AGAINST) against++;
    count++;
  }
  return { agree: against <= 0.2 * count, hardNo: false, against, count };
}

/** Whether the record's name is known at several sites of its commune, its city or anywhere. */
function atSeveralSites(p: PreparedRecord): boolean {
  return p.multiSiteCommune || p.multiSiteCity || p.multiSiteName;
}

/** Two different towns within reach of each other (not two arrondissements of one city, which say two sites). */
function isNeighbourPenalty(x: PreparedRecord, y: PreparedRecord, place: number): boolean {
  return place < 0 && x.commune !== null && y.commune !== null && x.city !== y.city;
}

/** A place that this share of a SIRET's located records agree on, and at least MAJORITY_MIN of them, is its own. */
const MAJORITY_SHARE = 2 / 3;
const MAJORITY_MIN = 2;

/**
 * Flags the SIRETs typed at two different addresses or in two towns (see PreparedRecord.siretShared). A minority cannot
 * cancel: when most of a SIRET's records agree on one town (and, among those with a street, on one address), the SIRET
 * is that establishment's own and only the records elsewhere are flagged (a neighbouring town typed, an odd address, or
 * a head office's SIRET typed for a branch); with no such majority, every record of it is.
 */
function markSharedSirets(prepared: PreparedRecord[]): void {
  const bySiret = new Map<string, PreparedRecord[]>();
  for (const p of prepared) if (p.siret) (bySiret.get(p.siret) ?? bySiret.set(p.siret, []).get(p.siret)!).push(p);
  const severalTowns = new Set<string>();
  for (const group of bySiret.values()) {
    if (group.length < 2) continue;
    const perCity = new Map<string, PreparedRecord[]>();
    for (const p of group) if (p.city) (perCity.get(p.city) ?? perCity.set(p.city, []).get(p.city)!).push(p);
    let top: PreparedRecord[] = [];
    let located = 0;
    for (const list of perCity.values()) {
      located += list.length;
      if (list.length > top.length || (list.length === top.length && list[0].index < top[0].index)) top = list;
    }
    if (perCity.size > 1) severalTowns.add(group[0].siret!);
    const townMajority = top.length >= MAJORITY_MIN && top.length >= MAJORITY_SHARE * located;
    if (perCity.size > 1 && !townMajority) {
      for (const p of group) p.siretShared = true;
      continue;
    }
    // records in another town than the majority's are not of this SIRET's establishment, or not said to be
    if (perCity.size > 1)
      for (const list of perCity.values()) if (list !== top) for (const p of list) p.siretShared = true;
    // then the addresses, among the records of the town (or of no town) that kept it
    const kept = group.filter((p) => !p.siretShared);
    const located2 = kept.filter((p) => p.address && p.address.words.length > 0).slice(0, 40);
    const sites = addressGroups(located2);
    if (sites.length < 2) continue;
    const biggest = sites[0];
    const rest = located2.length - biggest.length;
    if (biggest.length >= MAJORITY_MIN && biggest.length >= MAJORITY_SHARE * located2.length && rest > 0) {
      for (const list of sites.slice(1)) for (const p of list) p.siretShared = true;
    } else for (const p of group) p.siretShared = true;
  }
  headOfficeSirets(prepared, severalTowns);
}

/**
 * A head office's SIRET typed for a branch by most of the branch's SIAE looks like the branch's own there. Two SIRETs
 * of one SIREN kept as their own in one town, one of them also typed in other towns: that one is the head office's,
 * typed for this site too, and only says "same company" here.
 */
function headOfficeSirets(prepared: PreparedRecord[], severalTowns: ReadonlySet<string>): void {
  const own = new Map<string, Map<string, PreparedRecord[]>>();
  for (const p of prepared) {
    if (!p.siret || !p.siretValid || p.siretShared || !p.city) continue;
    const k = `${p.city}|${p.siret.slice(0, 9)}`;
    const sirets = own.get(k) ?? own.set(k, new Map()).get(k)!;
    (sirets.get(p.siret) ?? sirets.set(p.siret, []).get(p.siret)!).push(p);
  }
  for (const sirets of own.values()) {
    if (sirets.size < 2) continue;
    const travelled = [...sirets.keys()].filter((s) => severalTowns.has(s));
    if (travelled.length !== 1 || travelled.length === sirets.size) continue;
    for (const p of sirets.get(travelled[0])!) p.siretShared = true;
  }
}

/** Records grouped by agreeing street addresses (two addresses agree unless they clearly differ), largest first. */
function addressGroups(located: PreparedRecord[]): PreparedRecord[][] {
  const groups: PreparedRecord[][] = [];
  for (const p of located) {
    const home = groups.find((g) => g.some((q) => addressPoints(q.address, p.address) > -4));
    if (home) home.push(p);
    else groups.push([p]);
  }
  return groups.sort((a, b) => b.length - a.length || a[0].index - b[0].index);
}

/** The two rarest words of a name: what survives most spellings of it. */
function signature(p: PreparedRecord, globalDf: Map<string, number>): string {
  const byRarity = [...p.name.tokens].sort(
    (x, y) => (globalDf.get(x) ?? 0) - (globalDf.get(y) ?? 0) || (x < y ? -1 : 1),
  );
  const sig = byRarity.slice(0, 2).sort().join(' ');
  // the town hall and the communauté de communes of one town share their rarest words (the town's), not their kind:
  // they are two names, not two sites of one
  return PUBLIC_BODIES.has(p.name.tokens[0]) ? `${p.name.tokens[0]}:${sig}` : sig;
}

/**
 * Flags names under which one city (resp. one commune) holds several establishments: two SIRETs of their own, or two
 * addresses that cannot be one (see siretSites, addressSites: a typo or a head office's SIRET is not a second site). A
 * chain's agencies and same-name firms of one town are where name + place mislead.
 */
function markMultiSiteNames(prepared: PreparedRecord[], globalDf: Map<string, number>): void {
  const byCity = new Map<string, PreparedRecord[]>();
  const byCommune = new Map<string, PreparedRecord[]>();
  for (const p of prepared) {
    if (!p.city || p.name.tokens.length === 0) continue;
    const sig = signature(p, globalDf);
    const kc = `${p.city}|${sig}`;
    (byCity.get(kc) ?? byCity.set(kc, []).get(kc)!).push(p);
    const km = `${p.commune}|${sig}`;
    (byCommune.get(km) ?? byCommune.set(km, []).get(km)!).push(p);
  }
  const multiSite = (group: PreparedRecord[]): boolean =>
    group.length >= 2 && (siretSites(group) >= 2 || addressSites(group) >= 2);
  const severalInCity = new Map<string, boolean>();
  for (const [kc, group] of byCity) {
    const several = multiSite(group);
    severalInCity.set(kc, several);
    if (several) for (const p of group) p.multiSiteCity = true;
  }
  // A record without a commune whose postcode covers one town where its name is known is placed there as to sites; so
  // is one whose postcode covers several, when one of them holds nearly all the records of that name (a record is far
  // likelier to be of the establishment that most SIAE know than of one typed once, maybe with the neighbouring town).
  for (const p of prepared) {
    if (p.commune || !p.postcodeCommunes || p.name.tokens.length === 0) continue;
    const sig = signature(p, globalDf);
    let best: string | null = null;
    let bestCount = 0;
    let all = 0;
    for (const c of new Set(p.postcodeCommunes.map(cityOf))) {
      const count = c ? (byCity.get(`${c}|${sig}`)?.length ?? 0) : 0;
      all += count;
      if (count > bestCount) [best, bestCount] = [c, count];
    }
    if (best === null || bestCount < DOMINANT_SHARE * all) continue;
    p.postcodeSite = best;
    p.multiSiteCity = severalInCity.get(`${best}|${sig}`)!;
  }
  for (const group of byCommune.values()) if (multiSite(group)) for (const p of group) p.multiSiteCommune = true;
  // Sites of one name across a department: communes where two records confirm it, and SIRETs of their own.
  const byDepartment = new Map<string, PreparedRecord[]>();
  for (const p of prepared) {
    if (!p.city || p.name.tokens.length === 0) continue;
    const kd = `${department(p.city)}|${signature(p, globalDf)}`;
    (byDepartment.get(kd) ?? byDepartment.set(kd, []).get(kd)!).push(p);
  }
  const sitesOfName = new Map<string, { confirmed: number; withSiret: PreparedRecord[] }>();
  for (const [kd, group] of byDepartment) {
    const perCommune = new Map<string, number>();
    const withSiret: PreparedRecord[] = [];
    for (const p of group) {
      perCommune.set(p.commune!, (perCommune.get(p.commune!) ?? 0) + 1);
      if (p.siret && p.siretValid && !p.siretShared) withSiret.push(p);
    }
    let confirmed = 0;
    for (const c of perCommune.values()) if (c >= 2) confirmed++;
    const sig = kd.slice(kd.indexOf('|') + 1);
    const site = sitesOfName.get(sig) ?? sitesOfName.set(sig, { confirmed: 0, withSiret: [] }).get(sig)!;
    site.confirmed += confirmed;
    site.withSiret.push(...withSiret);
    if (confirmed >= 2 || siretSites(withSiret) >= 2) continue;
    for (const p of group)
      if (perCommune.get(p.commune!) === 1 && byCommune.get(`${p.commune}|${sig}`)!.length === 1) p.loneSpelling = true;
  }
  const severalSites = new Map<string, boolean>();
  for (const [sig, site] of sitesOfName) severalSites.set(sig, site.confirmed >= 2 || siretSites(site.withSiret) >= 2);
  for (const p of prepared) {
    if (p.name.tokens.length === 0) continue;
    if (severalSites.get(signature(p, globalDf))) p.multiSiteName = true;
  }
}
