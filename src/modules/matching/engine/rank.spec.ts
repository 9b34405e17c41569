/**
 * Properties of the ranking, stated over random snapshots and random (valid) collective weights. The oracles below are
 * written apart from the engine (law of cosines for distance, explicit licence lists) so a bug is not checked by itself.
 */
import fc from 'fast-check';
import { rankCandidatesForNeed, rankNeedScoresForCandidate, rankNeedsForCandidate } from './rank';
import { scorePair } from './score-pair';
import { skillKey } from './skill-key';
import {
  candidate,
  candidateArb,
  candidatesArb,
  context,
  need,
  needArb,
  needsArb,
  pointArb,
  SKILL_LABELS,
  weightsArb,
} from './testing/arbitraries';
import {
  componentKeys,
  type CandidateSnapshot,
  type EvidenceLevel,
  type MatchResult,
  type NeedSnapshot,
} from './types';

const RUNS = { numRuns: 300 };
const located = needArb.filter((n) => n.location !== null);

/** Spherical law of cosines on earthdistance's sphere: an independent formula for the radius oracle. */
function cosineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = Math.PI / 180;
  const c =
    Math.sin(a.latitude * r) * Math.sin(b.latitude * r) +
    Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.cos((a.longitude - b.longitude) * r);
  return 6378.168 * Math.acos(Math.min(1, Math.max(-1, c)));
}

const HOLDERS_OF: Record<string, string[]> = {
  B: ['B', 'BE', 'C1', 'C', 'CE', 'D1', 'D', 'DE'],
  C: ['C', 'CE'],
  CE: ['CE'],
};

function violatesNeedRules(c: CandidateSnapshot, n: NeedSnapshot, excludeFrench: boolean): string | null {
  if (n.location && cosineKm(c.location, n.location) > c.mobilityRadiusKm + 1e-3) return 'rayon';
  if (
    n.requiredDrivingLicences.length > 0 &&
    !n.requiredDrivingLicences.some((r) => HOLDERS_OF[r].some((l) => c.drivingLicences.includes(l as never)))
  )
    return 'permis';
  if (!excludeFrench) return null;
  const frenchLevel = c.languages.find((l) => l.language === 'fr')?.level;
  const beginner =
    c.frenchAsForeignLanguage && (frenchLevel === undefined || frenchLevel === 'A1' || frenchLevel === 'A2');
  if (beginner && !n.acceptsBeginnerFrench) return 'FLE';
  if (c.literacyDifficulty && !(n.acceptsReadingWritingDifficulty ?? n.acceptsBeginnerFrench)) return 'illettrisme';
  return null;
}

function withEvidence(
  c: CandidateSnapshot,
  label: string,
  evidenceLevel: EvidenceLevel,
  id: string,
): CandidateSnapshot {
  const key = skillKey(label);
  return { ...c, id, skills: [...c.skills.filter((s) => skillKey(s.label) !== key), { label, evidenceLevel }] };
}

const FRENCH_MARKER = /[àâçéèêëîïôûùüÿœ]|\b(de|du|des|le|la|les|un|une|au|aux|et|ou|pas|dans|sur|ni)\b/i;
const ENGLISH_OR_CODE =
  /\b(the|and|of|with|without|not|is|are|none|null|undefined|NaN|true|false|skills?|available|beyond|radius|licen[cs]e)\b|_/;

/** Problems with a text a professional will read (empty list = fine); plain checks, since they run thousands of times. */
function frenchProblems(text: string): string[] {
  const problems: string[] = [];
  if (!/^[A-ZÀÂÇÉÈÊÎÔ0-9]/.test(text)) problems.push(`ne commence pas par une majuscule : ${text}`);
  if (!text.endsWith('.')) problems.push(`ne finit pas par un point : ${text}`);
  if (!FRENCH_MARKER.test(text)) problems.push(`pas de français reconnu : ${text}`);
  if (ENGLISH_OR_CODE.test(text)) problems.push(`anglais ou code : ${text}`);
  return problems;
}

function resultProblems(r: MatchResult): string[] {
  const problems: string[] = [];
  if (r.components.map((k) => k.key).join() !== componentKeys.join()) problems.push('composantes');
  for (const k of r.components) {
    if (!Number.isFinite(k.points) || !Number.isFinite(k.maxPoints)) problems.push(`${k.key} non fini`);
    if (k.key === 'accommodations' ? k.points > 0 : k.points < 0 || k.points > k.maxPoints + 1e-9)
      problems.push(`${k.key} hors bornes`);
    problems.push(...frenchProblems(k.reason));
  }
  const sum = r.components.reduce((s, k) => s + k.points, 0);
  if (!Number.isFinite(r.score) || Math.abs(sum - r.score) >= 1e-9) problems.push(`somme ${sum} ≠ ${r.score}`);
  if (!(r.normalizedScore >= 0 && r.normalizedScore <= 1)) problems.push(`score normalisé ${r.normalizedScore}`);
  if (r.excluded !== r.exclusions.length > 0) problems.push('exclusion incohérente');
  for (const e of r.exclusions) problems.push(...frenchProblems(e.reason));
  return problems;
}

describe('ranking properties', () => {
  it('closer is never worse, all else equal (score, exclusion and rank)', () => {
    fc.assert(
      fc.property(
        candidateArb,
        located,
        pointArb,
        pointArb,
        candidatesArb(8),
        weightsArb,
        (c, n, p1, p2, others, w) => {
          const ctx = context(w);
          const a = { ...c, id: 'zz-a', location: p1 };
          const b = { ...c, id: 'zz-b', location: p2 };
          const [near, far] = cosineKm(p1, n.location!) <= cosineKm(p2, n.location!) ? [a, b] : [b, a];
          const rNear = scorePair(near, n, ctx);
          const rFar = scorePair(far, n, ctx);
          expect(rNear.score).toBeGreaterThanOrEqual(rFar.score);
          if (!rFar.excluded) expect(rNear.excluded).toBe(false);
          const ids = rankCandidatesForNeed(
            n,
            [...others.filter((o) => !o.id.startsWith('zz')), far, near],
            ctx,
          ).items.map((r) => r.candidateId);
          if (ids.includes(far.id)) {
            expect(ids).toContain(near.id);
            if (rNear.score > rFar.score) expect(ids.indexOf(near.id)).toBeLessThan(ids.indexOf(far.id));
          }
        },
      ),
      RUNS,
    );
  });

  it('observed evidence never ranks below declared, certified never below observed, for the same skill', () => {
    fc.assert(
      fc.property(candidateArb, needArb, fc.constantFrom(...SKILL_LABELS), weightsArb, (c, n, label, w) => {
        const ctx = context(w);
        // The stronger evidence gets the larger id, so a tie-break by id can never be what puts it first.
        const declared = scorePair(withEvidence(c, label, 'declared', 'a'), n, ctx);
        const observed = scorePair(withEvidence(c, label, 'observed', 'b'), n, ctx);
        const certified = scorePair(withEvidence(c, label, 'certified', 'c'), n, ctx);
        expect(observed.score).toBeGreaterThanOrEqual(declared.score);
        expect(certified.score).toBeGreaterThanOrEqual(observed.score);
        expect(observed.exclusions).toEqual(declared.exclusions);
        expect(certified.exclusions).toEqual(observed.exclusions);
      }),
      RUNS,
    );
  });

  it('with the default weights, observed strictly outranks declared when the need asks for that skill', () => {
    fc.assert(
      fc.property(candidateArb, needArb, fc.constantFrom(...SKILL_LABELS), (c, n0, label) => {
        const n = { ...n0, skills: [...n0.skills, label] };
        const ctx = context();
        const list = [
          withEvidence(c, label, 'certified', 'c'),
          withEvidence(c, label, 'observed', 'b'),
          withEvidence(c, label, 'declared', 'a'),
        ];
        const [certified, observed, declared] = list.map((x) => scorePair(x, n, ctx));
        expect(observed.score).toBeGreaterThan(declared.score);
        expect(certified.score).toBeGreaterThan(observed.score);
        const ids = rankCandidatesForNeed(n, list, ctx).items.map((r) => r.candidateId);
        expect(ids).toEqual(declared.excluded ? [] : ['c', 'b', 'a']);
      }),
      RUNS,
    );
  });

  it("never ranks a candidate a need's rules exclude, and accounts for every candidate left out", () => {
    fc.assert(
      fc.property(needArb, candidatesArb(30), weightsArb, (n, cs, w) => {
        const ranking = rankCandidatesForNeed(n, cs, context(w));
        const byId = new Map(cs.map((c) => [c.id, c]));
        for (const item of ranking.items)
          expect(
            violatesNeedRules(byId.get(item.candidateId)!, n, w.accommodations.excludeWhenFrenchNotAccepted),
          ).toBeNull();
        const ranked = new Set(ranking.items.map((r) => r.candidateId));
        for (const c of cs) if (!ranked.has(c.id)) expect(scorePair(c, n, context(w)).excluded).toBe(true);
        expect(ranking.total + ranking.excludedCount).toBe(cs.length);
      }),
      RUNS,
    );
  });

  it('never proposes to a candidate a need whose rules exclude them', () => {
    fc.assert(
      fc.property(candidateArb, needsArb(30), weightsArb, (c, ns, w) => {
        const ranking = rankNeedsForCandidate(c, ns, context(w));
        const byId = new Map(ns.map((n) => [n.id, n]));
        for (const item of ranking.items)
          expect(
            violatesNeedRules(c, byId.get(item.needId)!, w.accommodations.excludeWhenFrenchNotAccepted),
          ).toBeNull();
        expect(ranking.total + ranking.excludedCount).toBe(ns.length);
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of the input order, and pages concatenate to the whole ranking', () => {
    const arb = fc
      .tuple(needArb, candidatesArb(30), weightsArb)
      .chain(([n, cs, w]) =>
        fc.tuple(
          fc.constant(n),
          fc.constant(cs),
          fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
          fc.constant(w),
          fc.integer({ min: 1, max: 7 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([n, cs, shuffled, w, pageSize]) => {
        const ctx = context(w);
        const whole = rankCandidatesForNeed(n, cs, ctx);
        expect(rankCandidatesForNeed(n, shuffled, ctx)).toEqual(whole);
        expect(rankCandidatesForNeed(n, cs, ctx)).toEqual(whole);
        // The page is explained in a second pass: it must be exactly what scoring the pair alone gives.
        const byId = new Map(cs.map((c) => [c.id, c]));
        for (const item of whole.items) expect(item).toEqual(scorePair(byId.get(item.candidateId)!, n, ctx));
        for (let i = 1; i < whole.items.length; i++) {
          const [p, q] = [whole.items[i - 1], whole.items[i]];
          expect(p.score > q.score || (p.score === q.score && p.candidateId < q.candidateId)).toBe(true);
        }
        const pages: MatchResult[] = [];
        for (let offset = 0; offset < whole.total; offset += pageSize) {
          const page = rankCandidatesForNeed(n, shuffled, ctx, { offset, limit: pageSize });
          expect(page.total).toBe(whole.total);
          pages.push(...page.items);
        }
        expect(pages).toEqual(whole.items);
      }),
      RUNS,
    );
  });

  it('ranks needs for a candidate independently of the input order too', () => {
    const arb = fc
      .tuple(candidateArb, needsArb(30), weightsArb)
      .chain(([c, ns, w]) =>
        fc.tuple(
          fc.constant(c),
          fc.constant(ns),
          fc.shuffledSubarray(ns, { minLength: ns.length, maxLength: ns.length }),
          fc.constant(w),
        ),
      );
    fc.assert(
      fc.property(arb, ([c, ns, shuffled, w]) => {
        const ctx = context(w);
        const whole = rankNeedsForCandidate(c, ns, ctx);
        expect(rankNeedsForCandidate(c, shuffled, ctx)).toEqual(whole);
        const byId = new Map(ns.map((n) => [n.id, n]));
        for (const item of whole.items) expect(item).toEqual(scorePair(c, byId.get(item.needId)!, ctx));
      }),
      RUNS,
    );
  });

  it('ranks needs without their reasons in the same order, with the same figures and counts', () => {
    fc.assert(
      fc.property(
        candidateArb,
        needsArb(30),
        weightsArb,
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        (c, ns, w, minScore) => {
          const ctx = context(w);
          const explained = rankNeedsForCandidate(c, ns, ctx, { minScore });
          const scores = rankNeedScoresForCandidate(c, ns, ctx, { minScore });
          expect(scores.total).toBe(explained.total);
          expect(scores.excludedCount).toBe(explained.excludedCount);
          expect(scores.items).toEqual(
            explained.items.map(({ candidateId, needId, score, maxScore, normalizedScore, distanceKm }) => ({
              candidateId,
              needId,
              score,
              maxScore,
              normalizedScore,
              distanceKm,
            })),
          );
        },
      ),
      RUNS,
    );
  });

  it('gives finite scores whose named components sum to the total, with reasons in French', () => {
    fc.assert(
      fc.property(candidateArb, needArb, weightsArb, (c, n, w) => {
        expect(resultProblems(scorePair(c, n, context(w)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a weaker job relation score above a stronger one, whatever the weights', () => {
    fc.assert(
      fc.property(candidateArb, weightsArb, (c, w) => {
        const ctx = context(w);
        const n = need({ ficheCode: 'N1105', ogrCode: '99999' });
        const job = (ficheCode: string) =>
          scorePair({ ...c, targetJobs: [{ ogrCode: '1', ficheCode }] }, n, ctx).components[0].points;
        const [same, related, domain, nothing] = [job('N1105'), job('N1103'), job('N1101'), job('G1603')];
        expect(same).toBeGreaterThanOrEqual(related);
        expect(related).toBeGreaterThanOrEqual(domain);
        expect(domain).toBeGreaterThanOrEqual(nothing);
      }),
      RUNS,
    );
  });

  it('never scores a contract ending later above one ending sooner, all else equal', () => {
    fc.assert(
      fc.property(
        candidateArb,
        needArb,
        fc.integer({ min: -30, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        weightsArb,
        (c, n, d, extra, w) => {
          const ctx = context(w);
          const day = (k: number) => new Date(Date.UTC(2027, 2, 1 + k)).toISOString().slice(0, 10);
          const sooner = scorePair({ ...c, contractEnd: day(d) }, n, ctx);
          const later = scorePair({ ...c, contractEnd: day(d + extra) }, n, ctx);
          const unknown = scorePair({ ...c, contractEnd: null }, n, ctx);
          expect(sooner.score).toBeGreaterThanOrEqual(later.score);
          expect(later.score).toBeGreaterThanOrEqual(unknown.score);
        },
      ),
      RUNS,
    );
  });

  it('with minScore, keeps exactly the ranked pairs scoring at least that much, in the same order, excluded pairs still counted apart', () => {
    fc.assert(
      fc.property(needArb, candidatesArb(30), weightsArb, fc.integer({ min: 0, max: 100 }), (n, cs, w, min) => {
        const ctx = context(w);
        const whole = rankCandidatesForNeed(n, cs, ctx);
        const filtered = rankCandidatesForNeed(n, cs, ctx, { minScore: min });
        expect(filtered.items).toEqual(whole.items.filter((r) => r.score >= min));
        expect(filtered.total).toBe(filtered.items.length);
        expect(filtered.excludedCount).toBe(whole.excludedCount);
      }),
      RUNS,
    );
  });

  it('refuses two snapshots with the same id rather than depend on their order', () => {
    expect(() =>
      rankCandidatesForNeed(need(), [candidate({ id: 'x' }), candidate({ id: 'x', mobilityRadiusKm: 1 })], context()),
    ).toThrow(/en double/);
    expect(() => rankNeedsForCandidate(candidate(), [need({ id: 'y' }), need({ id: 'y' })], context())).toThrow(
      /en double/,
    );
  });

  it('ranks the nearer of two otherwise equal candidates first, and says why the far one is out', () => {
    const n = need();
    const near = candidate({ id: 'b' });
    const farther = candidate({ id: 'a', location: { communeCode: '69029', latitude: 45.69, longitude: 4.89 } });
    const outside = candidate({ id: 'c', location: { communeCode: '38544', latitude: 45.5255, longitude: 4.8746 } });
    const ranking = rankCandidatesForNeed(n, [outside, farther, near], context());
    expect(ranking.items.map((r) => r.candidateId)).toEqual(['b', 'a']);
    expect(ranking.excludedCount).toBe(1);
  });
});
