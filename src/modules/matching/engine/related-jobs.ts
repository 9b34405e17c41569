/**
 * "Métiers connexes" lookup. The referential's `rome_related` is a directed graph (fiche → related fiche, score 0..1,
 * median 0.08): the direction read first is the candidate's target → the need's fiche (a person aiming at A can move to
 * B); when only B → A is known it is used too, since the pair was still observed as a real mobility.
 */
export interface RelatedJobs {
  /** Score in 0..1 of the relation candidate fiche → need fiche (upper-case fiche codes), 0 when unrelated. */
  score(candidateFiche: string, needFiche: string): number;
}

export interface RelatedJobRow {
  ficheCode: string;
  relatedCode: string;
  score: number;
}

export const noRelatedJobs: RelatedJobs = { score: () => 0 };

/**
 * Builds the lookup from `rome_related` rows (3,565 of them nationally: the query service can load them once and keep
 * them). Scores outside 0..1 or not finite are refused rather than clamped: they mean the data is broken.
 */
export function relatedJobsFromRows(rows: Iterable<RelatedJobRow>): RelatedJobs {
  // Nested maps: a lookup builds no key string (it runs once per target job of every candidate of a ranking).
  const direct = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!Number.isFinite(r.score) || r.score < 0 || r.score > 1) {
      throw new RangeError(`Score de métier connexe invalide pour ${r.ficheCode} → ${r.relatedCode} : ${r.score}`);
    }
    const from = norm(r.ficheCode);
    const to = norm(r.relatedCode);
    let targets = direct.get(from);
    if (!targets) direct.set(from, (targets = new Map()));
    targets.set(to, Math.max(targets.get(to) ?? 0, r.score));
  }
  return {
    score(candidateFiche, needFiche) {
      if (candidateFiche === needFiche) return 0;
      return direct.get(candidateFiche)?.get(needFiche) ?? direct.get(needFiche)?.get(candidateFiche) ?? 0;
    },
  };
}

const norm = (code: string): string => code.trim().toUpperCase();
