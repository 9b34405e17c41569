import { accommodations } from '../../employer-network/employer-network-vocabulary';
import { needAccommodationFields } from './need-accommodations';
import { scorePair } from './score-pair';
import { candidate, context, need } from './testing/arbitraries';

describe('hiring-need accommodations', () => {
  it('reads "not ticked" as "not accepted", and a missing licence accommodation as a required B licence', () => {
    expect(needAccommodationFields([])).toEqual({
      acceptsBeginnerFrench: false,
      acceptsPartTime: false,
      requiredDrivingLicences: ['B'],
    });
    expect(needAccommodationFields(['beginner_french', 'no_driving_licence', 'part_time'])).toEqual({
      acceptsBeginnerFrench: true,
      acceptsPartTime: true,
      requiredDrivingLicences: [],
    });
    expect(needAccommodationFields([], ['C', 'CE']).requiredDrivingLicences).toEqual(['C', 'CE']);
  });

  it('knows every accommodation of the employer-network vocabulary it relies on', () => {
    for (const a of ['beginner_french', 'no_driving_licence', 'part_time']) expect(accommodations).toContain(a);
  });

  it('lets a part-time candidate take a full-time need that accepts part time', () => {
    const partTimer = candidate({ workTime: 'part_time' });
    const strict = scorePair(
      partTimer,
      need({ ...needAccommodationFields(['no_driving_licence', 'beginner_french']) }),
      context(),
    );
    const open = scorePair(
      partTimer,
      need({ ...needAccommodationFields(['no_driving_licence', 'beginner_french', 'part_time']) }),
      context(),
    );
    expect(strict.components.find((c) => c.key === 'workTime')!.points).toBe(0);
    expect(open.components.find((c) => c.key === 'workTime')).toMatchObject({
      points: 4,
      reason: "Poste à temps plein, mais l'employeur accepte un temps partiel, que cherche le candidat.",
    });
  });

  it('excludes a candidate without a licence from a need that did not tick "no driving licence"', () => {
    const r = scorePair(
      candidate({ drivingLicences: [] }),
      need({ ...needAccommodationFields(['beginner_french']) }),
      context(),
    );
    expect(r.exclusions.map((e) => e.code)).toEqual(['driving_licence_required']);
  });
});
