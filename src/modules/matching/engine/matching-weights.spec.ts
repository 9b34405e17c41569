import {
  defaultMatchingWeights,
  InvalidMatchingWeightsError,
  mergeWeights,
  type MatchingWeights,
} from './matching-weights';

function issuesOf(overrides: unknown): { path: string; message: string }[] {
  try {
    mergeWeights(overrides);
  } catch (e) {
    if (e instanceof InvalidMatchingWeightsError) return e.issues;
    throw e;
  }
  return [];
}

describe('matching weights', () => {
  it('defaults add up to 100 points for a perfect match and respect their own rules', () => {
    const w = defaultMatchingWeights;
    expect(
      w.job.sameFiche +
        w.skills.max +
        w.softSkills.max +
        w.distance.max +
        w.availability.max +
        w.workTime.max +
        w.contractEnd.max,
    ).toBe(100);
    expect(mergeWeights({})).toEqual(w);
    expect(w.job.sameFiche).toBeGreaterThan(w.job.relatedMax);
    expect(w.job.relatedMax).toBeGreaterThan(w.job.sameDomain);
    expect(w.skills.evidence.certified).toBeGreaterThanOrEqual(w.skills.evidence.observed);
    expect(w.skills.evidence.observed).toBeGreaterThan(w.skills.evidence.declared);
  });

  it('overrides only what a collective sets, and returns a frozen copy', () => {
    const w = mergeWeights({ distance: { max: 30 }, accommodations: { excludeWhenFrenchNotAccepted: false } });
    expect(w.distance).toEqual({ max: 30, exponentWithoutVehicle: 2 });
    expect(w.accommodations.excludeWhenFrenchNotAccepted).toBe(false);
    expect(w.job).toEqual(defaultMatchingWeights.job);
    expect(Object.isFrozen(w.distance)).toBe(true);
    expect(defaultMatchingWeights.distance.max).toBe(15);
  });

  it('refuses negative, infinite or non-numeric weights and unknown keys, in French', () => {
    expect(issuesOf({ distance: { max: -1 } })).toEqual([
      { path: 'distance.max', message: 'doit être un nombre entre 0 et 1000' },
    ]);
    expect(issuesOf({ skills: { max: Number.POSITIVE_INFINITY } })).toEqual([
      { path: 'skills.max', message: 'doit être un nombre fini' },
    ]);
    expect(issuesOf({ skills: { max: Number.NaN } })[0].message).toBe('doit être un nombre fini');
    expect(issuesOf({ skills: { max: '12' } })[0].message).toBe('doit être un nombre fini');
    expect(issuesOf({ distanse: { max: 1 } })).toEqual([{ path: 'distanse', message: 'est une clé inconnue' }]);
    expect(issuesOf({ accommodations: { excludeWhenFrenchNotAccepted: 'oui' } })[0].message).toBe(
      'doit être vrai ou faux',
    );
    expect(issuesOf({ job: 3 })).toEqual([{ path: 'job', message: 'doit être un objet' }]);
    // 1e308 is finite, but a sum of such points overflows to Infinity and every score became null
    expect(issuesOf({ job: { sameFiche: 1e308 } })).toEqual([
      { path: 'job.sameFiche', message: 'doit être un nombre entre 0 et 1000' },
    ]);
    expect(issuesOf({ availability: { graceDays: 366 } })[0].message).toBe('doit être un nombre entre 0 et 365');
    expect(issuesOf({ distance: { exponentWithoutVehicle: 11 } })[0].message).toBe('doit être un nombre entre 0 et 10');
    expect(issuesOf([])).toEqual([{ path: '(racine)', message: 'doit être un objet' }]);
  });

  it('refuses configurations that would break the ranking guarantees', () => {
    expect(issuesOf({ job: { relatedMax: 40 } }).map((i) => i.path)).toEqual(['job.relatedMax']);
    expect(issuesOf({ job: { sameDomain: 30 } }).map((i) => i.path)).toEqual(['job.sameDomain']);
    expect(issuesOf({ skills: { evidence: { declared: 0.9 } } }).map((i) => i.path)).toEqual([
      'skills.evidence.declared',
    ]);
    expect(issuesOf({ skills: { evidence: { observed: 1, certified: 0.9 } } }).map((i) => i.path)).toEqual([
      'skills.evidence.observed',
    ]);
    expect(issuesOf({ skills: { evidence: { certified: 2 } } }).map((i) => i.path)).toEqual([
      'skills.evidence.certified',
    ]);
    expect(issuesOf({ workTime: { flexible: 6 } }).map((i) => i.path)).toEqual(['workTime.flexible']);
  });

  it('lists every problem at once, and says so in French', () => {
    let error: unknown;
    try {
      mergeWeights({ distance: { max: -1 }, softSkills: { max: Number.NaN } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidMatchingWeightsError);
    expect((error as Error).message).toBe(
      'Pondérations de matching invalides : softSkills.max doit être un nombre fini ; distance.max doit être un nombre entre 0 et 1000',
    );
  });

  it('accepts all-zero weights (a collective may switch a component off)', () => {
    const zero = JSON.parse(
      JSON.stringify(defaultMatchingWeights, (_k, v: unknown) => (typeof v === 'number' ? 0 : v)),
    ) as MatchingWeights;
    expect(mergeWeights(zero).job.sameFiche).toBe(0);
  });
});
