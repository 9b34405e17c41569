import { describeOutcome, type ExistingCompany, matchExisting, type ResolvedLine } from './match-existing';

const S1 = '44830792800011';
const S2 = '55248129600028';
const line = (n: number, over: Partial<ResolvedLine>): ResolvedLine => ({
  line: n,
  name: 'X',
  siret: null,
  naf: null,
  address: null,
  website: null,
  commune: null,
  communeCode: null,
  contact: null,
  ...over,
});
const company = (over: Partial<ExistingCompany>): ExistingCompany => ({
  id: 'c1',
  name: 'X',
  siret: null,
  naf: null,
  address: null,
  website: null,
  communeCode: null,
  contacts: [],
  ...over,
});
const contact = (over: Partial<NonNullable<ResolvedLine['contact']>>) => ({
  firstName: null,
  lastName: null,
  role: null,
  email: null,
  phone: null,
  emailNormalised: null,
  phoneE164: null,
  ...over,
});

describe('import lines against the SIAE’s existing companies', () => {
  it('matches by SIRET whatever the spelling, and fills only empty fields', () => {
    const existing = [
      company({
        id: 'menard',
        name: 'Boulangerie Ménard SARL',
        siret: S1,
        communeCode: '69123',
        address: '3 rue Neuve',
      }),
    ];
    const { outcomes, errors } = matchExisting(
      [line(2, { name: 'BOULANGERIE MENARD', siret: S1, communeCode: '69383', address: '5 rue Autre', naf: '1071C' })],
      existing,
    );
    expect(errors).toEqual([]);
    expect(outcomes).toEqual([
      {
        line: 2,
        kind: 'existing',
        companyId: 'menard',
        companyName: 'Boulangerie Ménard SARL',
        matchedBy: 'siret',
        fill: { naf: '1071C' },
        contact: null,
      },
    ]);
    expect(describeOutcome(outcomes[0])).toBe(
      'déjà présente : « Boulangerie Ménard SARL », reconnue par le SIRET (mise à jour de : code NAF)',
    );
  });

  it('matches by normalised name and commune unless both carry a SIRET (two establishments)', () => {
    const existing = [
      company({ id: 'garage', name: 'Ets Garage Dupont & Fils', communeCode: '69266' }),
      company({ id: 'chain', name: 'Carrefour Market', siret: S2, communeCode: '69123' }),
    ];
    const { outcomes } = matchExisting(
      [
        line(2, { name: 'garage dupont et fils', communeCode: '69266', siret: S1 }),
        line(3, { name: 'Garage Dupont et Fils', communeCode: '69123' }),
        line(4, { name: 'CARREFOUR MARKET', communeCode: '69123', siret: S1 }),
        line(5, { name: 'Carrefour Market', communeCode: '69123' }),
      ],
      existing,
    );
    expect(outcomes.map((o) => [o.line, o.kind, o.kind === 'existing' ? o.companyId : null])).toEqual([
      [2, 'existing', 'garage'],
      [3, 'created', null],
      [4, 'created', null],
      [5, 'existing', 'chain'],
    ]);
    expect(outcomes[0]).toMatchObject({ matchedBy: 'name', fill: { siret: S1 } });
    expect(describeOutcome(outcomes[3])).toBe(
      'déjà présente : « Carrefour Market », reconnue par le nom et la commune (rien à mettre à jour)',
    );
    expect(describeOutcome(outcomes[1])).toBe('créée');
  });

  it('adds a contact only when the company does not have that person', () => {
    const existing = [
      company({
        id: 'a',
        name: 'Alpha',
        contacts: [
          { firstName: 'Anne', lastName: 'Roux', emailNormalised: 'anne@alpha.fr', phoneE164: '+33611111111' },
        ],
      }),
    ];
    const outcome = (c: ReturnType<typeof contact>) =>
      matchExisting([line(2, { name: 'ALPHA', contact: c })], existing).outcomes[0];
    expect(outcome(contact({ email: 'Anne@Alpha.fr', emailNormalised: 'anne@alpha.fr' }))).toMatchObject({
      contact: 'known',
    });
    expect(outcome(contact({ phone: '06 11 11 11 11', phoneE164: '+33611111111' }))).toMatchObject({
      contact: 'known',
    });
    expect(outcome(contact({ firstName: 'anne', lastName: 'ROUX' }))).toMatchObject({ contact: 'known' });
    const added = outcome(contact({ lastName: 'Blanc', emailNormalised: 'blanc@alpha.fr' }));
    expect(added).toMatchObject({ contact: 'added' });
    expect(describeOutcome(added)).toContain('(contact ajouté)');
  });

  it('reports two lines landing on one existing company, and matches the oldest of existing duplicates', () => {
    const existing = [
      company({ id: 'old', name: 'Delta', communeCode: '69123' }),
      company({ id: 'new', name: 'DELTA SAS', communeCode: '69123' }),
    ];
    const { outcomes, errors } = matchExisting(
      [
        line(2, { name: 'Delta', communeCode: '69123', siret: S1 }),
        line(3, { name: 'Delta', communeCode: '69123', siret: S2 }),
      ],
      existing,
    );
    expect(outcomes).toEqual([expect.objectContaining({ line: 2, companyId: 'old' })]);
    expect(errors).toEqual([{ line: 3, field: 'name', message: expect.stringContaining('la ligne 2') }]);
  });

  it('never matches on a name that leaves nothing distinctive', () => {
    expect(matchExisting([line(2, { name: '&' })], [company({ name: '&' })]).outcomes[0].kind).toBe('created');
  });
});
