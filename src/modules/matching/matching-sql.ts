/**
 * What both match lists' SQL shares: who is looking, the job referential as the pre-filters read it, the box and
 * distance expressions, and the parameter list. Nothing here scores: the engine does.
 */
import { EntityManager } from 'typeorm';
import { EARTH_RADIUS_KM, boundingBox, type RelatedJobRow } from './engine';

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const domainOf = (fiche: string) => fiche.slice(0, 3);

/** Who is looking: their SIAE, the SIAE whose consenting candidates they may see, the collectives their SIAE belong to. */
export interface MatchingViewer {
  ownSiaeIds: string[];
  /** Own SIAE + partner SIAE (active members of an active collective membership of theirs). */
  candidateSiaeIds: string[];
  memberCollectiveIds: string[];
  /** Active member SIAE of each of those collectives: whose shared needs the viewer sees through it (`visibleNeedSql`). */
  collectiveMembers: ReadonlyMap<string, string[]>;
}

/**
 * The job referential as the pre-filters need it, loaded once per process (it changes with an import, i.e. a
 * deployment): related fiches (both directions), the fiches of each domain, and the domains (a `domain` filter is
 * checked against them, not with a query per request).
 */
export interface JobReferential {
  related: RelatedJobRow[];
  domains: ReadonlySet<string>;
  fichesByDomain: Map<string, string[]>;
  /** Fiches related to each fiche, either direction (the engine reads both): a lookup per request, not a scan of every row. */
  relatedByFiche: Map<string, Set<string>>;
}

export async function loadJobReferential(manager: EntityManager): Promise<JobReferential> {
  const related = await loadRelatedJobRows(manager);
  const domains: Array<{ code: string }> = await manager.query(`SELECT code FROM rome_domain`);
  const fiches: Array<{ code: string; domain_code: string }> = await manager.query(
    `SELECT code, domain_code FROM rome_fiche ORDER BY code`,
  );
  const fichesByDomain = new Map<string, string[]>();
  for (const f of fiches) {
    const domain = f.domain_code.trim();
    (fichesByDomain.get(domain) ?? fichesByDomain.set(domain, []).get(domain)!).push(f.code.trim());
  }
  const relatedByFiche = new Map<string, Set<string>>();
  const link = (a: string, b: string) => (relatedByFiche.get(a) ?? relatedByFiche.set(a, new Set()).get(a)!).add(b);
  for (const r of related) {
    link(r.ficheCode, r.relatedCode);
    link(r.relatedCode, r.ficheCode);
  }
  return { related, domains: new Set(domains.map((d) => d.code.trim())), fichesByDomain, relatedByFiche };
}

/**
 * The fiches a job search covers: every fiche of the given fiches' domains, plus the fiches related to them; restricted
 * to one domain when the caller filters on it.
 */
export function searchedFiches(ref: JobReferential, fiches: readonly string[], onlyDomain?: string): string[] {
  const out = new Set<string>();
  for (const f of fiches) for (const same of ref.fichesByDomain.get(domainOf(f)) ?? [f]) out.add(same);
  for (const f of fiches) for (const r of ref.relatedByFiche.get(f) ?? []) out.add(r);
  return [...out].filter((f) => !onlyDomain || domainOf(f) === onlyDomain).sort();
}

/**
 * Great-circle distance in km as plain float arithmetic (haversine on the engine's sphere): cheap enough to run on
 * every index tuple, unlike earthdistance's SQL wrappers. Used with SQL_SLACK_KM as a pre-filter only; the engine's
 * `haversineKm` and `withinRadiusKm` decide the boundary.
 */
export function haversineSql(lat: string, lon: string, lat0: string, lon0: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(sin(radians(${lat} - ${lat0}) / 2) ^ 2 + cos(radians(${lat0})) * cos(radians(${lat})) * sin(radians(${lon} - ${lon0}) / 2) ^ 2))))`;
}
/** SQL and JavaScript may round the same formula differently: the SQL side keeps a metre more, the engine decides. */
export const SQL_SLACK_KM = 0.001;

/** The integer form of a ROME fiche code, as the SQL function `rome_fiche_id` computes it (K2204 → 102204). */
export function ficheId(code: string): number {
  return (code.charCodeAt(0) - 65) * 10000 + Number(code.slice(1, 5));
}

/** Box parameters for a btree range on latitude plus a filter on longitude (see `boundingBox`). */
export function boxSql(p: Params, alias: string, lat: number, lon: number, km: number): string {
  const b = boundingBox(lat, lon, km);
  return `${alias}.latitude BETWEEN ${p.add(b.minLat)}::float8 AND ${p.add(b.maxLat)}::float8 AND ${alias}.longitude BETWEEN ${p.add(b.minLon)}::float8 AND ${p.add(b.maxLon)}::float8`;
}

export async function loadRelatedJobRows(manager: EntityManager): Promise<RelatedJobRow[]> {
  const rows: Array<{ fiche_code: string; related_code: string; score: string | number }> = await manager.query(
    `SELECT fiche_code, related_code, score FROM rome_related`,
  );
  return rows.map((r) => ({ ficheCode: r.fiche_code, relatedCode: r.related_code, score: Number(r.score) }));
}

/** Arrays of codes read as comma-joined text (the driver's array parser costs more; codes hold no comma: CHECK and FK). */
export const codes = <T extends string>(joined: string | null): T[] => (joined ? (joined.split(',') as T[]) : []);
