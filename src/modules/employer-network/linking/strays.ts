import { distanceKm, hasArrondissements } from './commune';
import { PreparedRecord } from './prepare';
import { addressPoints, HARD_NO } from './score-pair';
import { nameSimilarity, TokenTable } from './similarity';

/** A name this similar is the same name, typed differently (namePoints gives it 2 points of 4). */
const SAME_NAME_SIM = 0.85;
/** In the cluster's own commune, a name this similar is enough (two slips in a short name, a word missing). */
const CLOSE_NAME_SIM = 0.7;
/** Share of a cluster's members whose name must be the stray's: the cluster is known under that name. */
const NAME_AGREEMENT = 0.5;
/** A stray this far from a cluster's town is in another place, whatever else agrees (score-pair's STRAY_KM). */
const STRAY_KM = 30;
/** Clusters this small are judged against larger ones, record by record (a stray, or a piece of a few). */
const MAX_PIECE = 3;
/** Members of a cluster looked at for its name, its town and its identifiers. */
const MAX_MEMBERS = 40;

/**
 * Whether a pair below the threshold may still join a stray to its cluster: attachStrays reads the clusters met
 * through such pairs, and incremental pooling re-links them together (LinkResult.components). Pairwise, so that what
 * a run re-links does not depend on its outcome: the same name within reach, or a close one in the same commune; from
 * another town only with a contact or a street in common (the judge asks no less), which keeps chains' sites apart.
 */
export function mayBeStrayOf(a: PreparedRecord, b: PreparedRecord, score: number, table: TokenTable): boolean {
  if (score === HARD_NO && a.coords && b.coords && distanceKm(a.coords, b.coords) > STRAY_KM) return false;
  // from another town (or arrondissement), only the same people or the same street join a stray (see judge)
  const apart =
    a.city !== null &&
    b.city !== null &&
    (a.city !== b.city || (hasArrondissements(a.city) && a.commune !== b.commune));
  if (apart && !a.contactIds.some((c) => b.contactIds.includes(c)) && addressPoints(a.address, b.address, table) < 2)
    return false;
  const sim = nameSimilarity(a.name, b.name, table);
  return sim >= SAME_NAME_SIM || (sim >= CLOSE_NAME_SIM && a.commune !== null && a.commune === b.commune);
}

export interface StrayContext {
  prepared: readonly PreparedRecord[];
  table: TokenTable;
  /** For each record, those it met in a block with a similar name (mayBeStrayOf) or linked to above the threshold. */
  neighbours: ReadonlyMap<number, readonly number[]>;
  find(i: number): number;
  membersOf(root: number): readonly number[];
  /** Merges the stray into the cluster, unless a human split forbids it (the caller keeps its bookkeeping). */
  attach(stray: number, root: number): boolean;
}

/** A cluster the stray may belong to, as the stray sees it. */
interface Candidate {
  root: number;
  /** The stray is in the cluster's town (or its postcode covers it). */
  sameTown: boolean;
  /** One of the stray's phones or company e-mails is on a member: the same people. */
  sharedContact: boolean;
}

/**
 * Issue 16: a record left alone by the pair linking is judged against the clusters, not against each of their
 * members. Its pair scores were capped because one odd record made its name "known at several sites", or one member's
 * odd street vetoed the merge, or its place was missing, or a neighbouring town was typed. Seen from the clusters the
 * question is simpler: which establishments of this name are there around it? The rules (each measured on the
 * development profiles, see the commit):
 * - the cluster is known under its name: half of its members' names are the stray's (close names only in its commune);
 * - nothing of the stray says another establishment: a SIREN the cluster contradicts, its own SIRET that no member
 *   typed, a town more than 30 km away, another arrondissement;
 * - in the cluster's town (or unplaced, or a postcode covering it) the name is enough, even with an odd street: one
 *   record cannot make a second site (the rule of sites.ts);
 * - in another town — and in Paris, Lyon, Marseille, where one name has many sites — the same people (a phone, a
 *   company e-mail) or the same street must show that the town was mistyped, the street must not differ, and the name
 *   must not carry its own town (a branch named after its town is another branch);
 * - exactly one cluster must pass; with several (a chain), its town or its people must pick one.
 * A piece of up to MAX_PIECE records (two strays that found each other, kept from their cluster by a hard "no") joins a
 * larger cluster when each of its records, judged alone, picks that one, and two of them do not confirm another street.
 * Decided on the clusters as the pair linking left them (the order of the strays does not matter). Returns how many
 * strays and pieces were attached.
 */
export function attachStrays(ctx: StrayContext): number {
  const decisions: Array<[number, number]> = [];
  const done = new Set<number>();
  for (let s = 0; s < ctx.prepared.length; s++) {
    const root = ctx.find(s);
    const members = ctx.membersOf(root);
    if (members.length > MAX_PIECE || done.has(root)) continue;
    done.add(root);
    // a piece of a few records goes where each of its records would go alone
    let target: number | null = null;
    for (const m of members) {
      const t = chooseCluster(ctx, m, root, members.length + 1);
      if (t === null || (target !== null && t !== target)) {
        target = null;
        break;
      }
      target = t;
    }
    if (target !== null && !secondSite(ctx, members, target)) decisions.push([s, target]);
  }
  let attached = 0;
  for (const [s, root] of decisions) if (ctx.attach(s, root)) attached++;
  return attached;
}

/**
 * Two records of a piece at one street that none of the cluster's members gives: a second site, confirmed by two
 * records (the rule of sites.ts), however well the names agree.
 */
function secondSite(ctx: StrayContext, piece: readonly number[], root: number): boolean {
  if (piece.length < 2) return false;
  const theirs = sampleOf(ctx, root);
  const elsewhere = piece
    .map((i) => ctx.prepared[i])
    .filter((p) => p.address !== null && p.address.words.length > 0)
    .filter((p) => !theirs.some((m) => addressPoints(p.address, m.address, ctx.table) >= 2));
  for (let a = 0; a < elsewhere.length; a++)
    for (let b = a + 1; b < elsewhere.length; b++)
      if (addressPoints(elsewhere[a].address, elsewhere[b].address, ctx.table) >= 2) return true;
  return false;
}

/** The one cluster of at least `minSize` records (not `own`) that the record may join, or null. */
function chooseCluster(ctx: StrayContext, s: number, own: number, minSize: number): number | null {
  const stray = ctx.prepared[s];
  if (stray.name.tokens.length === 0) return null;
  const roots = new Set<number>();
  for (const j of ctx.neighbours.get(s) ?? []) {
    const r = ctx.find(j);
    if (r !== own && ctx.membersOf(r).length >= minSize) roots.add(r);
  }
  const passed: Candidate[] = [];
  for (const root of [...roots].sort((a, b) => a - b)) {
    const candidate = judge(ctx, stray, root);
    if (candidate) passed.push(candidate);
  }
  if (passed.length === 1) return passed[0].root;
  const inTown = passed.filter((c) => c.sameTown);
  if (inTown.length === 1) return inTown[0].root;
  const known = passed.filter((c) => c.sharedContact);
  if (inTown.length === 0 && known.length === 1) return known[0].root;
  return null;
}

/** What the stray finds among a cluster's members (a sample of MAX_MEMBERS when larger). */
interface Evidence {
  sameName: number;
  closeName: number;
  towns: Map<string, number>;
  communes: Map<string, number>;
  sirens: Map<string, number>;
  sharedContact: boolean;
  siretFound: boolean;
  membersWithAddress: number;
  addressAgrees: boolean;
  /** The members looked at (MAX_MEMBERS evenly when more). */
  members: PreparedRecord[];
}

/** A cluster's members, MAX_MEMBERS of them evenly spread when it has more. */
function sampleOf(ctx: StrayContext, root: number): PreparedRecord[] {
  const all = ctx.membersOf(root);
  const step = all.length > MAX_MEMBERS ? all.length / MAX_MEMBERS : 1;
  const sample: PreparedRecord[] = [];
  for (let k = 0; k < all.length; k += step) sample.push(ctx.prepared[all[Math.floor(k)]]);
  return sample;
}

function gather(ctx: StrayContext, stray: PreparedRecord, root: number): Evidence {
  const e: Evidence = {
    sameName: 0,
    closeName: 0,
    towns: new Map(),
    communes: new Map(),
    sirens: new Map(),
    sharedContact: false,
    siretFound: false,
    membersWithAddress: 0,
    addressAgrees: false,
    members: sampleOf(ctx, root),
  };
  for (const m of e.members) {
    const sim = nameSimilarity(stray.name, m.name, ctx.table);
    if (sim >= SAME_NAME_SIM) e.sameName++;
    if (sim >= CLOSE_NAME_SIM) e.closeName++;
    if (m.city) count(e.towns, m.city);
    if (m.commune) count(e.communes, m.commune);
    const siren = sirenOf(m);
    if (siren) count(e.sirens, siren);
    if (stray.siret && m.siret === stray.siret) e.siretFound = true;
    if (!e.sharedContact && stray.contactIds.some((c) => m.contactIds.includes(c))) e.sharedContact = true;
    if (m.address && m.address.words.length > 0) {
      e.membersWithAddress++;
      if (!e.addressAgrees && addressPoints(stray.address, m.address, ctx.table) >= 2) e.addressAgrees = true;
    }
  }
  return e;
}

/** The cluster as a candidate for the stray, or null when it cannot be the stray's establishment. */
function judge(ctx: StrayContext, stray: PreparedRecord, root: number): Candidate | null {
  const e = gather(ctx, stray, root);
  if (e.closeName < NAME_AGREEMENT * e.members.length) return null;
  // another company: a SIREN that the cluster's identified members contradict
  const straySiren = sirenOf(stray);
  const topSiren = majority(e.sirens);
  if (straySiren && topSiren && topSiren.key !== straySiren && topSiren.count >= 2) return null;
  // its own SIRET (valid, typed for no other site) that no member typed: another establishment
  if (stray.siret && stray.siretValid && !stray.siretShared && !e.siretFound) return null;
  const streetDiffers =
    stray.address !== null && stray.address.words.length > 0 && e.membersWithAddress > 0 && !e.addressAgrees;

  const home = majority(e.towns)?.key ?? null;
  const homeCommune = majority(e.communes)?.key ?? null;
  const homeCoords = home ? e.members.find((m) => m.city === home)!.coords : null;
  let sameTown = false;
  let km: number | null = null;
  if (home && stray.city) {
    sameTown = stray.city === home;
    // two arrondissements of one city, each typed as such, are two places (as in score-pair's placePoints)
    const arrondissements = stray.commune !== stray.city && homeCommune !== null && homeCommune !== home;
    if (sameTown && arrondissements && stray.commune !== homeCommune) return null;
    if (!sameTown) km = stray.coords && homeCoords ? distanceKm(stray.coords, homeCoords) : Infinity;
  } else if (home) {
    sameTown = stray.postcodeSite === home || (stray.postcodeCommunes?.includes(home) ?? false);
    if (!sameTown && stray.postcodeCoords && homeCoords)
      km = Math.min(...stray.postcodeCoords.map((c) => distanceKm(c, homeCoords)));
  }
  if (km !== null && km > STRAY_KM) return null;
  // Paris, Lyon, Marseille hold many sites of one name: the city says no more than a neighbouring town
  if (sameTown && hasArrondissements(home!)) [sameTown, km] = [false, 0];
  // a name only close to the cluster's: in its very commune, at no other street
  const sameCommune = stray.commune !== null && stray.commune === homeCommune;
  if (e.sameName < NAME_AGREEMENT * e.members.length && !(sameCommune && !streetDiffers)) return null;
  // out of its town, another street is another site, even with a person in common (one HR for several sites)
  if (!sameTown && streetDiffers) return null;

  // in another town, a branch named after its town is another branch; otherwise the same people or the same street
  // must show that the town was mistyped
  if (!sameTown && km !== null && (stray.townInName || !(e.sharedContact || e.addressAgrees))) return null;
  return { root, sameTown, sharedContact: e.sharedContact };
}

function sirenOf(p: PreparedRecord): string | null {
  return p.siren ?? (p.siret && p.siretValid ? p.siret.slice(0, 9) : null);
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function majority(counts: Map<string, number>): { key: string; count: number } | null {
  let best: { key: string; count: number } | null = null;
  for (const [key, n] of counts)
    if (!best || n > best.count || (n === best.count && key < best.key)) best = { key, count: n };
  return best;
}
