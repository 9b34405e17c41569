import { haversineKm } from './geo';
import { defaultMatchingWeights, mergeWeights } from './matching-weights';
import { noRelatedJobs, relatedJobsFromRows } from './related-jobs';
import { scorePair } from './score-pair';
import { skillKey } from './skill-key';
import { candidate, context, LYON, need, TODAY, VIENNE, VILLEURBANNE } from './testing/arbitraries';
import type { ComponentKey, MatchResult } from './types';

const points = (r: MatchResult, key: ComponentKey): number => r.components.find((c) => c.key === key)!.points;
const reason = (r: MatchResult, key: ComponentKey): string => r.components.find((c) => c.key === key)!.reason;
const ctx = context();

describe('job component', () => {
  const score = (ficheCode: string, needFiche: string, ogr = '99999') =>
    scorePair(candidate({ targetJobs: [{ ogrCode: ogr, ficheCode }] }), need({ ficheCode: needFiche }), ctx);

  it('orders same fiche > related fiche > same domain > nothing', () => {
    const same = points(score('K2204', 'K2204'), 'job');
    const related = points(score('K2204', 'N1105'), 'job');
    const domain = points(score('K2201', 'K2204'), 'job');
    const nothing = points(score('G1603', 'K2204'), 'job');
    expect(same).toBe(35);
    expect(related).toBeCloseTo(14 + 14 * 0.42, 2);
    expect(domain).toBe(14);
    expect(nothing).toBe(0);
    expect(reason(score('K2204', 'K2204', '12345'), 'job')).toMatch(/exactement ce métier/);
    expect(reason(score('K2204', 'N1105'), 'job')).toMatch(/métier connexe.*0,42/);
    expect(reason(score('K2201', 'K2204'), 'job')).toMatch(/même domaine professionnel \(K22\)/);
  });

  it('scales related fiches by the referential score and falls back to the reverse direction', () => {
    expect(points(score('N1103', 'N1105'), 'job')).toBeCloseTo(14 + 14 * 0.9, 2);
    // Only N1105 → ... is unknown; K2204 → N1105 is known, so a candidate aiming at N1105 for a K2204 need uses it.
    expect(points(score('N1105', 'K2204'), 'job')).toBeCloseTo(14 + 14 * 0.42, 2);
    const direct = relatedJobsFromRows([
      { ficheCode: 'A', relatedCode: 'B', score: 0.3 },
      { ficheCode: 'B', relatedCode: 'A', score: 0.7 },
    ]);
    expect(direct.score('A', 'B')).toBe(0.3);
    expect(direct.score('B', 'A')).toBe(0.7);
    expect(() => relatedJobsFromRows([{ ficheCode: 'A', relatedCode: 'B', score: 1.2 }])).toThrow(RangeError);
  });

  it('takes the best of several target jobs, whatever their order', () => {
    const jobs = [
      { ogrCode: '1', ficheCode: 'G1603' },
      { ogrCode: '2', ficheCode: 'K2201' },
      { ogrCode: '3', ficheCode: 'K2204' },
    ];
    const a = scorePair(candidate({ targetJobs: jobs }), need(), ctx);
    const b = scorePair(candidate({ targetJobs: [...jobs].reverse() }), need(), ctx);
    expect(points(a, 'job')).toBe(35);
    expect(a).toEqual(b);
  });
});

describe('skills components', () => {
  const needSkills = need({ skills: ['Soudure', "Conduite d'engins", 'Caisse', 'Cariste'] });

  it('counts the share of the asked skills, weighted by evidence', () => {
    const r = scorePair(
      candidate({
        skills: [
          { label: 'soudure', evidenceLevel: 'certified' },
          { label: 'Conduite des engins', evidenceLevel: 'observed' },
          { label: 'CAISSE', evidenceLevel: 'declared' },
        ],
      }),
      needSkills,
      ctx,
    );
    expect(points(r, 'skills')).toBeCloseTo((25 * (1 + 0.85 + 0.4)) / 4, 2);
    expect(reason(r, 'skills')).toBe(
      "3 compétences sur 4 demandées ; acquises : Soudure (certifiée), Conduite d'engins (observée en situation de travail) et Caisse (déclarée) ; manquantes : Cariste.",
    );
  });

  it('keeps the best evidence when a skill is listed twice', () => {
    const r = scorePair(
      candidate({
        skills: [
          { label: 'Cariste', evidenceLevel: 'observed' },
          { label: 'cariste', evidenceLevel: 'declared' },
        ],
      }),
      need({ skills: ['Cariste'] }),
      ctx,
    );
    expect(points(r, 'skills')).toBe(21.25);
  });

  it('gives no skill points and no maximum when the need lists none', () => {
    const r = scorePair(candidate({ skills: [{ label: 'Cariste', evidenceLevel: 'certified' }] }), need(), ctx);
    expect(r.components.find((c) => c.key === 'skills')).toMatchObject({ points: 0, maxPoints: 0 });
  });

  it('compares labels without case, accents, punctuation or articles, but without stemming', () => {
    expect(skillKey("Conduite d'Engins")).toBe(skillKey('conduite des engins'));
    expect(skillKey('Préparation de commandes')).toBe(skillKey('preparation  commandes'));
    expect(skillKey('Cœur de métier')).toBe('coeur metier');
    expect(skillKey('souder')).not.toBe(skillKey('soudure'));
  });

  it('rewards the soft skills the employer asked for', () => {
    const r = scorePair(
      candidate({ softSkills: ['ponctualite', 'autonomie'] }),
      need({ softSkills: ['ponctualite', 'rigueur', 'ponctualite'] }),
      ctx,
    );
    expect(points(r, 'softSkills')).toBe(3);
    expect(reason(r, 'softSkills')).toBe('Savoir-être demandés présents : Ponctualité (1 sur 2).');
  });
});

describe('distance component', () => {
  it('measures the great circle on the sphere earthdistance uses', () => {
    // PostgreSQL: earth_distance(ll_to_earth(45.758, 4.835), ll_to_earth(48.8566, 2.3522)) / 1000 = 392.50591187477306
    // and Lyon → Vienne 26.064763008805354 (the engine agreed to 2e-12 km on 2,000 random pairs of the region).
    expect(haversineKm(45.758, 4.835, 48.8566, 2.3522)).toBeCloseTo(392.50591187477306, 9);
    expect(haversineKm(45.758, 4.835, 45.5255, 4.8746)).toBeCloseTo(26.064763008805354, 9);
    expect(haversineKm(45.758, 4.835, 45.758, 4.835)).toBe(0);
  });

  it('gives full points in the same commune and falls linearly to the radius with a car', () => {
    const same = scorePair(candidate(), need({ location: LYON }), ctx);
    expect(points(same, 'distance')).toBe(15);
    expect(reason(same, 'distance')).toMatch(/^Travail dans la commune de résidence/);
    const d = haversineKm(LYON.latitude, LYON.longitude, VILLEURBANNE.latitude, VILLEURBANNE.longitude);
    const near = scorePair(candidate(), need(), ctx);
    expect(near.distanceKm).toBeCloseTo(d, 9);
    expect(points(near, 'distance')).toBeCloseTo(15 * (1 - d / 20), 2);
  });

  it('makes distance weigh more without a motor vehicle', () => {
    const d = haversineKm(LYON.latitude, LYON.longitude, VILLEURBANNE.latitude, VILLEURBANNE.longitude);
    const r = scorePair(candidate({ transportMeans: ['public_transport', 'bicycle'] }), need(), ctx);
    expect(points(r, 'distance')).toBeCloseTo(15 * (1 - d / 20) ** 2, 2);
    expect(reason(r, 'distance')).toMatch(/transports en commun et vélo.*sans véhicule motorisé/);
  });

  it('excludes beyond the mobility radius, with the distance in the reason', () => {
    const r = scorePair(candidate({ mobilityRadiusKm: 20 }), need({ location: VIENNE }), ctx);
    expect(r.excluded).toBe(true);
    expect(r.exclusions).toEqual([
      {
        code: 'beyond_mobility_radius',
        reason: 'Lieu de travail à 26,1 km, au-delà du rayon de mobilité de 20 km (voiture).',
      },
    ]);
    expect(scorePair(candidate({ mobilityRadiusKm: 27 }), need({ location: VIENNE }), ctx).excluded).toBe(false);
  });

  it('accepts a radius of 0 for a job in the same commune only', () => {
    expect(scorePair(candidate({ mobilityRadiusKm: 0 }), need({ location: LYON }), ctx).excluded).toBe(false);
    expect(scorePair(candidate({ mobilityRadiusKm: 0 }), need(), ctx).excluded).toBe(true);
  });

  it('neither scores nor excludes when the need has no place', () => {
    const r = scorePair(candidate({ mobilityRadiusKm: 0 }), need({ location: null }), ctx);
    expect(r.excluded).toBe(false);
    expect(r.distanceKm).toBeNull();
    expect(r.components.find((c) => c.key === 'distance')).toMatchObject({ points: 0, maxPoints: 0 });
  });
});

describe('accommodations', () => {
  it('excludes a candidate without the required licence, and accepts heavier categories for B', () => {
    const r = scorePair(candidate({ drivingLicences: [] }), need({ requiredDrivingLicences: ['B'] }), ctx);
    expect(r.exclusions).toEqual([
      { code: 'driving_licence_required', reason: "Permis B exigé par l'employeur, non détenu par le candidat." },
    ]);
    expect(
      scorePair(candidate({ drivingLicences: ['CE'] }), need({ requiredDrivingLicences: ['B'] }), ctx).excluded,
    ).toBe(false);
    expect(
      scorePair(candidate({ drivingLicences: ['B'] }), need({ requiredDrivingLicences: ['C', 'CE'] }), ctx)
        .exclusions[0].reason,
    ).toBe("Permis C ou permis CE exigé par l'employeur, non détenu par le candidat.");
    expect(
      scorePair(candidate({ drivingLicences: ['CACES'] }), need({ requiredDrivingLicences: ['B'] }), ctx).excluded,
    ).toBe(true);
  });

  it('excludes FLE beginners and reading/writing difficulties when the need does not accept them', () => {
    const fle = candidate({ frenchAsForeignLanguage: true, languages: [{ language: 'fr', level: 'A2' }] });
    const r = scorePair(fle, need({ acceptsBeginnerFrench: false }), ctx);
    expect(r.exclusions.map((e) => e.code)).toEqual(['beginner_french_not_accepted']);
    expect(scorePair(fle, need({ acceptsBeginnerFrench: true }), ctx).excluded).toBe(false);
    // An FLE speaker at B1 or above is not a beginner.
    const fluent = candidate({ frenchAsForeignLanguage: true, languages: [{ language: 'fr', level: 'B1' }] });
    expect(scorePair(fluent, need({ acceptsBeginnerFrench: false }), ctx).excluded).toBe(false);
    // No French level recorded: treated as a beginner (the safe side for the employer's rule).
    expect(
      scorePair(
        candidate({ frenchAsForeignLanguage: true, languages: [] }),
        need({ acceptsBeginnerFrench: false }),
        ctx,
      ).excluded,
    ).toBe(true);
    const literacy = candidate({ literacyDifficulty: true });
    expect(scorePair(literacy, need({ acceptsBeginnerFrench: false }), ctx).exclusions.map((e) => e.code)).toEqual([
      'reading_writing_not_accepted',
    ]);
    expect(
      scorePair(literacy, need({ acceptsBeginnerFrench: false, acceptsReadingWritingDifficulty: true }), ctx).excluded,
    ).toBe(false);
  });

  it('penalises once instead, when the collective chose to', () => {
    const penalise = context(mergeWeights({ accommodations: { excludeWhenFrenchNotAccepted: false } }));
    const both = candidate({ frenchAsForeignLanguage: true, languages: [], literacyDifficulty: true });
    const r = scorePair(both, need({ acceptsBeginnerFrench: false }), penalise);
    expect(r.excluded).toBe(false);
    expect(points(r, 'accommodations')).toBe(-15);
    expect(reason(r, 'accommodations')).toMatch(/\(pénalité\)\.$/);
    const ok = scorePair(candidate(), need({ acceptsBeginnerFrench: false }), penalise);
    expect(r.score).toBe(ok.score - 15);
  });
});

describe('availability, working time and contract end', () => {
  it('gives full availability points on time and loses them linearly over the grace period', () => {
    expect(
      points(
        scorePair(candidate({ availableFrom: '2027-03-10' }), need({ startDate: '2027-03-15' }), ctx),
        'availability',
      ),
    ).toBe(7);
    const late = scorePair(candidate({ availableFrom: '2027-04-14' }), need({ startDate: '2027-03-15' }), ctx);
    expect(points(late, 'availability')).toBeCloseTo(7 * (1 - 30 / 60), 2);
    expect(reason(late, 'availability')).toBe(
      'Disponible à partir du 14/04/2027, 30 jours après le démarrage du 15/03/2027.',
    );
    expect(points(scorePair(candidate({ availableFrom: '2027-12-01' }), need(), ctx), 'availability')).toBe(0);
    // Dates in the past mean "now".
    expect(
      points(
        scorePair(candidate({ availableFrom: '2026-01-01' }), need({ startDate: '2026-06-01' }), ctx),
        'availability',
      ),
    ).toBe(7);
  });

  it('matches full or part time, deriving it from the hours when the need does not say', () => {
    expect(
      points(
        scorePair(candidate({ workTime: 'part_time' }), need({ workTime: null, hoursPerWeek: 24 }), ctx),
        'workTime',
      ),
    ).toBe(5);
    expect(
      points(
        scorePair(candidate({ workTime: 'part_time' }), need({ workTime: null, hoursPerWeek: 35 }), ctx),
        'workTime',
      ),
    ).toBe(0);
    expect(points(scorePair(candidate({ workTime: 'either' }), need(), ctx), 'workTime')).toBe(4);
    expect(
      points(scorePair(candidate({ workTime: null }), need({ workTime: null, hoursPerWeek: null }), ctx), 'workTime'),
    ).toBe(4);
  });

  it('boosts candidates whose contract ends soon, more the sooner', () => {
    const boost = (contractEnd: string | null) =>
      points(scorePair(candidate({ contractEnd }), need(), ctx), 'contractEnd');
    expect(boost(null)).toBe(0);
    expect(boost('2028-01-01')).toBe(0);
    expect(boost('2027-04-15')).toBeCloseTo(7 * (1 - 45 / 90), 2);
    expect(boost(TODAY)).toBe(7);
    expect(boost('2027-02-01')).toBe(7);
    expect(boost('2027-03-11')).toBeGreaterThan(boost('2027-04-15'));
  });

  it('refuses malformed dates instead of scoring them', () => {
    expect(() => scorePair(candidate({ availableFrom: '2027-02-30' }), need(), ctx)).toThrow(RangeError);
    expect(() => scorePair(candidate(), need(), { ...ctx, today: '01/03/2027' })).toThrow(RangeError);
  });
});

describe('the whole result', () => {
  it('sums named components to the score, out of 100 points for a perfect match with the defaults', () => {
    const perfect = scorePair(
      candidate({
        skills: [{ label: 'Soudure', evidenceLevel: 'certified' }],
        softSkills: ['rigueur'],
        workTime: 'full_time',
        contractEnd: TODAY,
      }),
      need({ ogrCode: '12345', location: LYON, skills: ['soudure'], softSkills: ['rigueur'] }),
      ctx,
    );
    expect(perfect.score).toBe(100);
    expect(perfect.maxScore).toBe(100);
    expect(perfect.normalizedScore).toBe(1);
    expect(perfect.components.map((c) => c.key)).toEqual([
      'job',
      'skills',
      'softSkills',
      'distance',
      'accommodations',
      'availability',
      'workTime',
      'contractEnd',
    ]);
  });

  it('works without the related-jobs data', () => {
    const r = scorePair(
      candidate({ targetJobs: [{ ogrCode: '1', ficheCode: 'K2204' }] }),
      need({ ficheCode: 'N1105' }),
      { ...ctx, relatedJobs: noRelatedJobs },
    );
    expect(points(r, 'job')).toBe(0);
  });

  it('uses the default weights unless told otherwise', () => {
    expect(mergeWeights({})).toEqual(defaultMatchingWeights);
  });
});
