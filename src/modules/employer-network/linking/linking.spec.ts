import { cityOf } from './commune';
import { normaliseCompanyName } from './company-name';
import { linkRecords } from './link-records';
import { normaliseEmail, toE164 } from './phone';
import { isValidSiret, readSiret, siretTypoOf, zeroNineSwapOf } from './siret';
import { tokenSimilarity } from './similarity';
import { editDistance } from './text';
import { CommuneLocation, LinkableRecord } from './types';

const tokens = (name: string) => normaliseCompanyName(name).tokens.join(' ');

describe('company name normalisation', () => {
  it('drops legal forms wherever they are, dotted or not', () => {
    expect(tokens('SARL Transports Garcia et Fils')).toBe('transport garcia fil');
    expect(tokens('Transports Garcia & Fils S.A.R.L.')).toBe('transport garcia fil');
    expect(tokens('TRANSPORTS GARCIA ET FILS SAS')).toBe('transport garcia fil');
    expect(tokens('Garcia Transports, société par actions simplifiée')).toBe('garcia transport');
  });

  it('folds accents, punctuation and common abbreviations', () => {
    expect(tokens('Éts Dubois - Électricité Générale')).toBe(tokens('Etablissements DUBOIS electricite generale'));
    expect(tokens('Sté Nouvelle des Transp. du Rhône')).toBe(tokens('Société nouvelle des transports du Rhone'));
    expect(tokens('Boulangerie St Jean')).toBe(tokens('Boulangerie Saint-Jean'));
    expect(tokens('Cie des Eaux')).toBe(tokens('Compagnie des eaux'));
    expect(tokens('TP Girard')).toBe(tokens('Travaux Publics Girard'));
  });

  it('reads "Ste" as Société first and Sainte elsewhere', () => {
    expect(tokens('Ste Martin Plomberie')).toBe('martin plomberie');
    expect(tokens('Pharmacie Ste Anne')).toBe('pharmacie sainte anne');
  });

  it('matches a mistyped abbreviation to its word, not a short word to any long one', () => {
    expect(tokenSimilarity('plmb', 'plomberie')).toBeGreaterThan(0);
    expect(tokenSimilarity('tansp', 'transport')).toBeGreaterThan(0);
    expect(tokenSimilarity('covu', 'couverture')).toBeGreaterThan(0);
    expect(tokenSimilarity('plmb', 'peinture')).toBe(0);
    expect(tokenSimilarity('mart', 'boulangerie')).toBe(0);
  });

  it('matches an abbreviation by skipped letters to its word, from the same first letter only', () => {
    expect(tokenSimilarity('ntt', 'nettoyage')).toBeGreaterThan(0);
    expect(tokenSimilarity('cov', 'couverture')).toBeGreaterThan(0);
    expect(tokenSimilarity('ntt', 'entretien')).toBe(0);
    expect(tokenSimilarity('cov', 'carrosserie')).toBe(0);
    // a word half as long or more is another word, not an abbreviation
    expect(tokenSimilarity('mrtn', 'martin')).toBe(0);
  });

  it('keeps something comparable when a name is only generic words', () => {
    expect(normaliseCompanyName('Le Groupe').tokens.length).toBeGreaterThan(0);
  });
});

describe('identifiers', () => {
  it('checks SIRETs with Luhn and the La Poste exception', () => {
    expect(isValidSiret('44096873300021')).toBe(false);
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('35600000000010')).toBe(true);
  });

  it('reads SIRET and SIREN fields as typed', () => {
    expect(readSiret('732 829 320 00074', null)).toEqual({
      siret: '73282932000074',
      siretValid: true,
      siren: '732829320',
    });
    expect(readSiret('732829320', null)).toEqual({ siret: null, siretValid: false, siren: '732829320' });
    expect(readSiret(null, '732 829 320')).toEqual({ siret: null, siretValid: false, siren: '732829320' });
    expect(readSiret('12', 'abc')).toEqual({ siret: null, siretValid: false, siren: null });
  });

  it('recognises one wrong digit or two swapped ones', () => {
    expect(siretTypoOf('73282932000074', '73282932000075')).toBe(true);
    expect(siretTypoOf('73282932000074', '73282932000047')).toBe(true);
    expect(siretTypoOf('73282932000074', '73282932001174')).toBe(false);
  });

  it('recognises the swap of 0 and 9 that Luhn does not see', () => {
    expect(isValidSiret('44096873300020') && isValidSiret('44906873300020')).toBe(true);
    expect(zeroNineSwapOf('44096873300020', '44906873300020')).toBe(true);
    expect(zeroNineSwapOf('73282932000074', '73282932000047')).toBe(false);
    expect(zeroNineSwapOf('73282932000074', '73282932000074')).toBe(false);
  });

  it('normalises French phones to E.164 and rejects what is not a number', () => {
    for (const raw of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '+33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '0033612345678',
      '612345678',
    ])
      expect(toE164(raw)).toBe('+33612345678');
    expect(toE164('+41 22 123 45 67')).toBe('+41221234567');
    expect(toE164('NC')).toBeNull();
    expect(toE164('12')).toBeNull();
    expect(normaliseEmail('  JP.Garcia@Transports-Garcia.FR ')).toBe('jp.garcia@transports-garcia.fr');
    expect(normaliseEmail('pas un mail')).toBeNull();
  });

  it('maps arrondissements to their city', () => {
    expect(cityOf('75111')).toBe('75056');
    expect(cityOf('69383')).toBe('69123');
    expect(cityOf('13208')).toBe('13055');
    expect(cityOf('69266')).toBe('69266');
    expect(cityOf('2A004')).toBe('2A004');
    expect(cityOf('nope')).toBeNull();
  });

  it('computes a bounded edit distance with transpositions', () => {
    expect(editDistance('garcia', 'garica')).toBe(1);
    expect(editDistance('martin', 'martinez')).toBe(2);
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
  });
});

const communes = new Map<string, CommuneLocation>([
  ['69123', { lat: 45.758, lon: 4.8351, name: 'Lyon' }],
  ['69383', { lat: 45.7597, lon: 4.8497, name: 'Lyon 3e' }],
  ['69387', { lat: 45.733, lon: 4.8387, name: 'Lyon 7e' }],
  ['69266', { lat: 45.7719, lon: 4.8902, name: 'Villeurbanne' }],
  ['69259', { lat: 45.6968, lon: 4.8855, name: 'Vénissieux' }],
  ['31555', { lat: 43.6007, lon: 1.4329, name: 'Toulouse' }],
  ['38185', { lat: 45.1842, lon: 5.7155, name: 'Grenoble' }],
]);

let counter = 0;
const rec = (over: Partial<LinkableRecord>): LinkableRecord => ({
  recordId: `r${++counter}`,
  siaeId: `s${counter}`,
  name: 'X',
  ...over,
});
const clusterOf = (result: { clusters: string[][] }, id: string) => result.clusters.find((c) => c.includes(id)) ?? [id];
const together = (result: { clusters: string[][] }, a: LinkableRecord, b: LinkableRecord) =>
  clusterOf(result, a.recordId).includes(b.recordId);

describe('linkRecords', () => {
  it('links spellings of one establishment across arrondissement and city codes', () => {
    const a = rec({ name: 'SARL Transports Garcia et Fils', communeInsee: '69383', siret: '732 829 320 00074' });
    const b = rec({ name: 'TRANSPORTS GARCIA & FILS', communeInsee: '69123', address: '12 av. de Saxe' });
    const c = rec({ name: 'Transp. Garcia', communeInsee: '69383', address: '12 avenue de Saxe' });
    const d = rec({ name: 'Garcia Transports SAS', communeInsee: '69123', siret: '73282932000074' });
    const r = linkRecords([a, b, c, d], { communes });
    expect(clusterOf(r, a.recordId).sort()).toEqual([a, b, c, d].map((x) => x.recordId).sort());
  });

  it('keeps twins with one name in distant towns apart', () => {
    const a = rec({ name: 'Boulangerie Martin', communeInsee: '31555' });
    const b = rec({ name: 'Boulangerie Martin', communeInsee: '38185' });
    expect(linkRecords([a, b], { communes }).clusters).toEqual([]);
  });

  it('keeps two agencies of a chain in one city apart, and attaches each record to its own', () => {
    const s3 = rec({
      name: 'Proxi Intérim',
      communeInsee: '69383',
      siret: '73282932000074',
      address: '5 rue Paul Bert',
    });
    const s3b = rec({ name: 'PROXI INTERIM LYON', communeInsee: '69123', address: '5 r. Paul Bert' });
    const s7 = rec({
      name: 'Proxi Intérim',
      communeInsee: '69387',
      siret: '73282932000116',
      address: '40 avenue Jean Jaurès',
    });
    const s7b = rec({ name: 'Proxi-Intérim SAS', communeInsee: '69387', siret: '73282932000116' });
    const r = linkRecords([s3, s3b, s7, s7b], { communes });
    expect(together(r, s3, s3b)).toBe(true);
    expect(together(r, s7, s7b)).toBe(true);
    expect(together(r, s3, s7)).toBe(false);
  });

  it('does not link a branch to the head office because its SIRET was typed for it', () => {
    const hq = rec({
      name: 'Nexia Nettoyage',
      communeInsee: '69266',
      siret: '73282932000074',
      address: '1 rue de la Gare',
    });
    const hq2 = rec({
      name: 'NEXIA NETTOYAGE SARL',
      communeInsee: '69266',
      siret: '73282932000074',
      address: '1 rue de la Gare',
    });
    const branch = rec({
      name: 'Nexia Nettoyage',
      communeInsee: '69259',
      siret: '73282932000074',
      address: '8 boulevard Laurent Gérin',
    });
    const branch2 = rec({
      name: 'Nexia Nettoyage Vénissieux',
      communeInsee: '69259',
      siret: '73282932000116',
      address: '8 bd Laurent Gerin',
    });
    const r = linkRecords([hq, hq2, branch, branch2], { communes });
    expect(together(r, hq, hq2)).toBe(true);
    expect(together(r, branch, branch2)).toBe(true);
    expect(together(r, hq, branch)).toBe(false);
  });

  it('respects human corrections: a split stays split, a merge stays merged', () => {
    const a = rec({ name: 'Garage du Centre', communeInsee: '69266' });
    const b = rec({ name: 'Garage du Centre', communeInsee: '69266' });
    const c = rec({ name: 'Carrosserie Dumont', communeInsee: '69266' });
    expect(together(linkRecords([a, b, c], { communes }), a, b)).toBe(true);
    const split = linkRecords([a, b, c], { communes, cannotLink: [[a.recordId, b.recordId]] });
    expect(together(split, a, b)).toBe(false);
    const merged = linkRecords([a, b, c], { communes, mustLink: [[a.recordId, c.recordId]] });
    expect(together(merged, a, c)).toBe(true);
  });

  it('links contacts by e-mail or phone when the names agree, never colleagues sharing a switchboard', () => {
    const a = rec({
      name: 'Garage du Centre',
      communeInsee: '69266',
      contacts: [
        {
          contactId: 'a1',
          firstName: 'Jean-Pierre',
          lastName: 'GARCIA',
          email: 'JP.Garcia@garage.fr',
          phone: '04 78 00 00 00',
        },
        { contactId: 'a2', firstName: 'Marie', lastName: 'Durand', email: null, phone: '04 78 00 00 00' },
      ],
    });
    const b = rec({
      name: 'Garage du Centre',
      communeInsee: '69266',
      contacts: [{ contactId: 'b1', firstName: 'J.', lastName: 'Garcia', email: 'jp.garcia@garage.fr', phone: null }],
    });
    const r = linkRecords([a, b], { communes });
    expect(r.contactClusters.map((c) => c.sort())).toEqual([['a1', 'b1']]);
  });

  it('lets a lone record typed with the neighbouring commune join its establishment, not a second address', () => {
    const contact = (id: string) => ({
      contactId: id,
      firstName: 'Léa',
      lastName: 'Roux',
      email: 'lea.roux@omnihabitat.fr',
      phone: null,
    });
    const known = [
      rec({ name: 'Omnihabitat', communeInsee: '69266', address: '76 rue de la Liberté', contacts: [contact('k1')] }),
      rec({ name: 'OMNIHABITAT SARL', communeInsee: '69266', address: '76 r. de la Liberte' }),
      rec({ name: 'Omnihabitat', communeInsee: '69266', address: '76 rue de la Liberté' }),
    ];
    // Vénissieux instead of Villeurbanne, no address, one contact in common: its commune alone must not outvote them all
    const lone = rec({ name: 'Omnihabitat', communeInsee: '69259', contacts: [contact('l1')] });
    // …whereas a second street in that commune is a second site
    const other = rec({
      name: 'Omnihabitat',
      communeInsee: '69259',
      address: '8 boulevard Laurent Gérin',
      contacts: [contact('o1')],
    });
    const r = linkRecords([...known, lone], { communes });
    expect(clusterOf(r, lone.recordId).sort()).toEqual([...known, lone].map((x) => x.recordId).sort());
    expect(together(linkRecords([...known, other], { communes }), known[0], other)).toBe(false);
  });

  it('drops the town written after a branch name even when mistyped', () => {
    const a = rec({ name: 'Proxi Marché Villeurbane', communeInsee: '69266' });
    const b = rec({ name: 'PROXI MARCHE', communeInsee: '69266' });
    expect(together(linkRecords([a, b], { communes }), a, b)).toBe(true);
  });

  it('reads a name typed once in the neighbouring town as the establishment of that town, unless both towns confirm a site', () => {
    const here = [1, 2, 3].map(() => rec({ name: 'Nexasys', communeInsee: '69266' }));
    const lone = rec({ name: 'NEXASYS SA', communeInsee: '69259' });
    expect(clusterOf(linkRecords([...here, lone], { communes }), lone.recordId).length).toBe(4);
    const there = [1, 2].map(() => rec({ name: 'Nexasys', communeInsee: '69259' }));
    const r = linkRecords([...here, ...there], { communes });
    expect(together(r, here[0], there[0])).toBe(false);
    expect(together(r, there[0], there[1])).toBe(true);
  });

  it('links a short name split by a hyphen and mistyped ("Cpalo-g" / "CAPLOG")', () => {
    const a = rec({ name: 'Cpalo-g', communeInsee: '69266' });
    const b = rec({ name: ' CAPLOG ', communeInsee: '69266' });
    expect(together(linkRecords([a, b], { communes }), a, b)).toBe(true);
  });

  it('leaves a record without a commune alone when its name is known at several sites, not when at one', () => {
    const lyon = [1, 2].map(() => rec({ name: 'Proxi Intérim', communeInsee: '69383' }));
    const grenoble = [1, 2].map(() => rec({ name: 'PROXI INTERIM', communeInsee: '38185' }));
    const unplaced = rec({ name: 'Proxi Intérim SAS' });
    const r = linkRecords([...lyon, ...grenoble, unplaced], { communes });
    expect(clusterOf(r, unplaced.recordId)).toEqual([unplaced.recordId]);
    expect(together(linkRecords([...lyon, unplaced], { communes }), lyon[0], unplaced)).toBe(true);
  });

  it('counts a postcode that covers the commune of the other record as a place, when no commune was given', () => {
    const towns = new Map<string, CommuneLocation>([
      ['77001', { lat: 48.5, lon: 2.7, name: 'Amont', postcodes: ['77320'] }],
      ['77002', { lat: 48.52, lon: 2.72, name: 'Aval', postcodes: ['77320'] }],
      ['77003', { lat: 48.6, lon: 2.9, name: 'Ailleurs', postcodes: ['77400'] }],
    ]);
    // the NAF codes disagree: only the place can carry the pair over the threshold
    const placed = rec({ name: 'Intérim Yilmaz', communeInsee: '77001', naf: '7820Z' });
    const covered = rec({ name: 'INTERIM YILMAZ', postcode: '77320', naf: '7810Z' });
    const elsewhere = rec({ name: 'INTERIM YILMAZ', postcode: '77400', naf: '7810Z' });
    expect(together(linkRecords([placed, covered], { communes: towns }), placed, covered)).toBe(true);
    expect(together(linkRecords([placed, elsewhere], { communes: towns }), placed, elsewhere)).toBe(false);
  });

  it('compares a record without a commune, mistyped, with those of the department its postcode gives', () => {
    const towns = new Map<string, CommuneLocation>([
      ['77001', { lat: 48.5, lon: 2.7, name: 'Amont', postcodes: ['77320'] }],
      ['77002', { lat: 48.52, lon: 2.72, name: 'Aval', postcodes: ['77320'] }],
    ]);
    const placed = rec({ name: 'Soluline Coiffure', communeInsee: '77001' });
    const unplaced = rec({ name: 'SOLULNINE COIFFURE', postcode: '77320' });
    expect(together(linkRecords([placed, unplaced], { communes: towns }), placed, unplaced)).toBe(true);
  });

  it('is deterministic', () => {
    const rs = [
      rec({ name: 'A B', communeInsee: '69266' }),
      rec({ name: 'A  B', communeInsee: '69266' }),
      rec({ name: 'A-B', communeInsee: '69266' }),
    ];
    expect(linkRecords(rs, { communes })).toEqual(linkRecords(rs, { communes }));
  });
});

describe('linkRecords: which records are compared at all (blocking)', () => {
  const towns = new Map<string, CommuneLocation>([
    ['77001', { lat: 48.5, lon: 2.7, name: 'Amont', postcodes: ['77320'] }],
    ['77002', { lat: 48.52, lon: 2.72, name: 'Aval', postcodes: ['77320'] }],
    ['77003', { lat: 48.9, lon: 3.2, name: 'Ailleurs', postcodes: ['77400'] }],
    ['69266', { lat: 45.7719, lon: 4.8902, name: 'Villeurbanne', postcodes: ['69100'] }],
    ['69259', { lat: 45.6968, lon: 4.8855, name: 'Vénissieux', postcodes: ['69200'] }],
  ]);

  it('compares a record without a commune with those of the towns its postcode covers, a short word mistyped', () => {
    // no word in common, no glued name in common: only "Ntvia" one letter short of "Netvia", in a town of 77320
    const placed = rec({ name: 'Ets Netvia', communeInsee: '77001' });
    const unplaced = rec({ name: 'NTVIA SAS', postcode: '77320' });
    const elsewhere = rec({ name: 'Netvia', communeInsee: '77003' });
    const r = linkRecords([placed, unplaced, elsewhere], { communes: towns });
    expect(together(r, placed, unplaced)).toBe(true);
    expect(together(r, placed, elsewhere)).toBe(false);
  });

  it('compares two records at one street address in neighbouring communes, the name mistyped differently', () => {
    const a = rec({ name: 'Nordlire.', communeInsee: '69266', address: '45 ch. Lamartine' });
    const b = rec({ name: 'Nordl-ine.', communeInsee: '69259', address: '45 CHEMIN LAMARTINE' });
    const r = linkRecords([a, b], { communes: towns });
    expect(together(r, a, b)).toBe(true);
    expect(r.stats.candidatePairs).toBe(1);
  });

  it('compares two names whose glued forms end alike when a word is split and mistyped ("Mucan-ique" / "Mécanique")', () => {
    const a = rec({ name: 'MUCAN-IQUE INDUSTRIELLE PEREIRA SNC', communeInsee: '69266' });
    const b = rec({ name: 'Mécanique Industrielle Pereira', communeInsee: '69266' });
    expect(together(linkRecords([a, b], { communes: towns }), a, b)).toBe(true);
  });
});

describe('linkRecords: when a name stands for several sites of one town', () => {
  const hq = '73282932000074';
  const branch = '73282932000116';

  it('does not count a head office SIRET typed for the branch, at the branch address, as a second site', () => {
    const own = rec({
      name: 'Hôtel Boulanger',
      communeInsee: '69266',
      siret: branch,
      address: '139 place du Commerce',
    });
    const headOffice = rec({
      name: 'HOTEL BOULANGER',
      communeInsee: '69266',
      siret: hq,
      address: '139 pl. du Commerce',
    });
    const vague = rec({ name: 'hotel boulanger', communeInsee: '69266' });
    const r = linkRecords([own, headOffice, vague], { communes });
    expect(clusterOf(r, vague.recordId).sort()).toEqual([own, headOffice, vague].map((x) => x.recordId).sort());
  });

  it('keeps two SIRETs of one company at two addresses of one town as two sites, and a name-only record out of both', () => {
    const a1 = rec({ name: 'Proxi Marché', communeInsee: '69266', siret: hq, address: '1 rue de la Gare' });
    const a2 = rec({ name: 'PROXI MARCHE', communeInsee: '69266', siret: hq, address: '1 r. de la Gare' });
    const b1 = rec({ name: 'Proxi Marché', communeInsee: '69266', siret: branch, address: '80 cours Émile Zola' });
    const b2 = rec({ name: 'Proxi-Marché', communeInsee: '69266', siret: branch, address: '80 crs Emile Zola' });
    const vague = rec({ name: 'Proxi Marché SAS', communeInsee: '69266' });
    const r = linkRecords([a1, a2, b1, b2, vague], { communes });
    expect(together(r, a1, a2) && together(r, b1, b2)).toBe(true);
    expect(together(r, a1, b1)).toBe(false);
    expect(clusterOf(r, vague.recordId)).toEqual([vague.recordId]);
  });

  it('does not count two differently mistyped spellings of one street as two sites when the right one links them', () => {
    const right = rec({ name: 'Bioline', communeInsee: '69266', address: '135 avenue des Lilas' });
    const slip1 = rec({ name: 'BIOLINE', communeInsee: '69266', address: '135 Av des Lilss' });
    const slip2 = rec({ name: 'Bioline SARL', communeInsee: '69266', address: '135 AVENUE DES LLIAS' });
    const vague = rec({ name: 'Bioline', communeInsee: '69266' });
    const r = linkRecords([right, slip1, slip2, vague], { communes });
    // (the two slips still disagree with each other: one of them may stay out, the group agreement decides that)
    expect(together(r, right, vague)).toBe(true);
  });
});

describe('linkRecords: a record without a commune, under a name known at several sites', () => {
  const towns = new Map<string, CommuneLocation>([
    ['77001', { lat: 48.5, lon: 2.7, name: 'Amont', postcodes: ['77320'] }],
    ['77002', { lat: 48.52, lon: 2.72, name: 'Aval', postcodes: ['77320'] }],
    ['77003', { lat: 48.9, lon: 3.2, name: 'Ailleurs', postcodes: ['77400'] }],
  ]);
  const site = (commune: string) => [1, 2].map(() => rec({ name: 'Proxi Intérim', communeInsee: commune }));

  it('joins the one site of that name among the towns its postcode covers', () => {
    const here = site('77001');
    const unplaced = rec({ name: 'PROXI INTERIM SAS', postcode: '77320' });
    const r = linkRecords([...here, ...site('77003'), unplaced], { communes: towns });
    expect(clusterOf(r, unplaced.recordId).sort()).toEqual([...here, unplaced].map((x) => x.recordId).sort());
  });

  it('joins the town of its postcode where nearly all records of that name are, not one typed once next door', () => {
    const here = Array.from({ length: 10 }, () => rec({ name: 'Proxi Intérim', communeInsee: '77001' }));
    const once = rec({ name: 'PROXI INTERIM', communeInsee: '77002' });
    const unplaced = rec({ name: 'Proxi Interim SAS', postcode: '77320' });
    const r = linkRecords([...here, once, ...site('77003'), unplaced], { communes: towns });
    expect(together(r, here[0], unplaced)).toBe(true);
  });

  it('stays apart from a twin of the same name whose town is far from every town of its postcode', () => {
    const far = rec({ name: 'Netvia', communeInsee: '77003' });
    const unplaced = rec({ name: 'NETVIA', postcode: '77320' });
    const alsoUnplaced = rec({ name: 'Netvia SAS', postcode: '77400' });
    const r = linkRecords([far, unplaced, alsoUnplaced], { communes: towns });
    expect(together(r, far, unplaced)).toBe(false);
    expect(together(r, unplaced, alsoUnplaced)).toBe(false);
    expect(together(r, far, alsoUnplaced)).toBe(true);
  });

  it('stays alone when its postcode covers two towns where the name is known', () => {
    const unplaced = rec({ name: 'PROXI INTERIM SAS', postcode: '77320' });
    const r = linkRecords([...site('77001'), ...site('77002'), unplaced], { communes: towns });
    expect(clusterOf(r, unplaced.recordId)).toEqual([unplaced.recordId]);
  });
});

describe('linkRecords: contacts shared between records', () => {
  const hr = (id: string) => ({
    contactId: id,
    firstName: 'Paul',
    lastName: 'Hardy',
    email: 'phardy@garage-masson.fr',
    phone: '04 46 17 44 10',
  });

  it('links two records of one town sharing a contact e-mail, however badly the name was typed', () => {
    const a = rec({ name: 'GARGEA MASSON', communeInsee: '69266', contacts: [hr('a1')] });
    const b = rec({ name: 'Garage Masson SARL', communeInsee: '69266', contacts: [{ ...hr('b1'), phone: null }] });
    expect(together(linkRecords([a, b], { communes }), a, b)).toBe(true);
  });

  it('keeps apart two sites of one company in neighbouring towns although one person is the contact of both', () => {
    const here = [1, 2].map((i) =>
      rec({
        name: 'Garage Masson',
        communeInsee: '69266',
        siret: '73282932000074',
        address: '1 rue de la Gare',
        contacts: [hr(`h${i}`)],
      }),
    );
    const there = [1, 2].map((i) =>
      rec({
        name: 'Garage Masson',
        communeInsee: '69259',
        siret: '73282932000116',
        address: '8 boulevard Laurent Gérin',
        contacts: [hr(`t${i}`)],
      }),
    );
    const r = linkRecords([...here, ...there], { communes });
    expect(together(r, here[0], here[1]) && together(r, there[0], there[1])).toBe(true);
    expect(together(r, here[0], there[0])).toBe(false);
  });

  it('does not link two names of one town that share nothing but a web domain', () => {
    const a = rec({
      name: 'Garage Masson',
      communeInsee: '69266',
      contacts: [{ contactId: 'd1', lastName: 'Roux', email: 'lroux@masson.fr' }],
    });
    const b = rec({
      name: 'Carrosserie Dupont',
      communeInsee: '69266',
      contacts: [{ contactId: 'd2', lastName: 'Noel', email: 'pnoel@masson.fr' }],
    });
    expect(together(linkRecords([a, b], { communes }), a, b)).toBe(false);
  });
});

describe('linkRecords: SIRETs', () => {
  it('reads two SIRETs that differ by a 0/9 swap, both passing Luhn, as one mistyped, not as two companies', () => {
    const members = [1, 2].map(() =>
      rec({ name: 'Rossi Plomberie', communeInsee: '69266', siret: '44096873300020', address: '3 rue Racine' }),
    );
    const swapped = rec({
      name: 'ROSSI PLOMBERIE',
      communeInsee: '69266',
      siret: '449 068 733 00020',
      address: '3 r. Racine',
    });
    const r = linkRecords([...members, swapped], { communes });
    expect(clusterOf(r, swapped.recordId).sort()).toEqual([...members, swapped].map((x) => x.recordId).sort());
  });
});

describe('linkRecords: abbreviations', () => {
  it('links a trade abbreviated by skipped letters to the same firm written out, in one town, same NAF', () => {
    const a = rec({ name: 'NTT. DUPUIS DU FAUBOURG SNC', communeInsee: '69266', naf: '81.21Z' });
    const b = rec({ name: 'SNC Nettoyage Dupuis du Faubourg', communeInsee: '69266', naf: '8121Z' });
    expect(together(linkRecords([a, b], { communes }), a, b)).toBe(true);
  });
});

describe('linkRecords: a minority cannot cancel the evidence of the others', () => {
  const siret = '73282932000074';

  it('keeps a SIRET the establishment’s own when one record of it typed the neighbouring town', () => {
    const a = rec({ name: 'Transports Garcia', communeInsee: '69266', siret });
    const b = rec({ name: 'TGF Logistique', communeInsee: '69266', siret });
    const c = rec({ name: 'Transports Garcia SARL', communeInsee: '69266', siret });
    const stray = rec({ name: 'Transports Garcia', communeInsee: '69259', siret });
    const r = linkRecords([a, b, c, stray], { communes });
    // the records of Villeurbanne agree on the place: the SIRET speaks for b although its name says nothing
    expect(together(r, a, b) && together(r, a, c)).toBe(true);
  });

  it('still reads a SIRET typed in two towns, each confirmed by two records, as shared', () => {
    const a = rec({ name: 'Transports Garcia', communeInsee: '69266', siret });
    const a2 = rec({ name: 'Transports Garcia', communeInsee: '69266', siret });
    const b = rec({ name: 'TGF Logistique', communeInsee: '69259', siret });
    const b2 = rec({ name: 'TGF Logistique', communeInsee: '69259', siret });
    const r = linkRecords([a, a2, b, b2], { communes });
    expect(together(r, a, b)).toBe(false);
  });

  it('does not count one record with an odd street as a second site of the name', () => {
    const right = [1, 2, 3].map(() => rec({ name: 'Bioline', communeInsee: '69266', address: '135 avenue des Lilas' }));
    const odd = rec({ name: 'BIOLINE', communeInsee: '69266', address: '12 rue Pasteur' });
    const vague = rec({ name: 'Bioline SARL', communeInsee: '69266' });
    const r = linkRecords([...right, odd, vague], { communes });
    expect(together(r, right[0], vague)).toBe(true);
  });
});

describe('public bodies, services and agencies (names)', () => {
  it('gives every usual form of a public body one canonical name, its town kept', () => {
    for (const form of ['Mairie de Tulle', 'Commune de Tulle', 'Hôtel de Ville de Tulle', 'VILLE DE TULLE'])
      expect(tokens(form)).toBe('commune tulle');
    for (const form of ['CCAS de Tulle', 'C.C.A.S. Tulle', "Centre communal d'action sociale de Tulle"])
      expect(tokens(form)).toBe('ccas tulle');
    for (const form of ['MDS Tulle', 'Maison des Solidarités de Tulle', 'Département – MDS de Tulle'])
      expect(tokens(form)).toBe('mds tulle');
    for (const form of ['CH de Tulle', 'Centre hospitalier de Tulle', 'Hôpital de Tulle'])
      expect(tokens(form)).toBe('ch tulle');
    for (const form of ['CC du Pays de Tulle', 'Communauté de communes du Pays de Tulle', 'Com Com Pays de Tulle'])
      expect(tokens(form)).toBe('cc pay tulle');
    for (const form of ['EHPAD Les Tilleuls', 'Maison de retraite les Tilleuls', 'EHPAD Résidence Les Tilleuls'])
      expect(tokens(form)).toBe('ehpad tilleul');
  });

  it('drops a service written after a dash or a comma, and "agence de"', () => {
    expect(tokens('Mairie de Tulle – Service RH')).toBe('commune tulle');
    expect(tokens('Ville de Tulle / Espaces verts')).toBe('commune tulle');
    expect(tokens('Transports Garcia - Service recrutement')).toBe(tokens('Transports Garcia'));
    expect(tokens('Netmarket, Direction')).toBe('netmarket');
    expect(tokens('Netmarket agence de Brive')).toBe('netmarket brive');
    // a trade after a dash is the company's, not a service
    expect(tokens('Martin – Espaces Verts')).toBe('martin espace vert');
  });

  it('drops a service with one slip in a long word, next to a word typed right, after a mistyped kind too', () => {
    const read: Array<[string, string]> = [
      ['CCAS de Tulle / Servlces techniques', 'ccas tulle'],
      ['MDS Tulle - Pôsle emploi-insertion', 'mds tulle'],
      ['Netmarket, Servie RH', 'netmarket'],
      ['MtAIRIE DE Tulle / Service jeunesse', 'commune tulle'],
      // every word a service word or one slip from one, and one of them typed right
      ['Martin – Espaies Verts', 'martin espaie vert'],
      ['Netmarket - Servie Ressorts', 'netmarket servie ressort'],
    ];
    for (const [name, kept] of read) expect(tokens(name)).toBe(kept);
  });

  it('keeps the town word of a town hall: the one of the next town stays apart, a mistyped commune does not', () => {
    const villeurbanne = [1, 2].map(() => rec({ name: 'Mairie de Villeurbanne', communeInsee: '69266' }));
    const bare = rec({ name: 'MAIRIE – Service RH', communeInsee: '69266' });
    // typed with the commune of the next town: still Villeurbanne's town hall
    const typedNextDoor = rec({ name: 'Hôtel de ville de Villeurbanne', communeInsee: '69259' });
    const venissieux = rec({ name: 'Mairie de Vénissieux', communeInsee: '69259' });
    const r = linkRecords([...villeurbanne, bare, typedNextDoor, venissieux], { communes });
    expect(together(r, villeurbanne[0], bare) && together(r, villeurbanne[0], typedNextDoor)).toBe(true);
    expect(together(r, typedNextDoor, venissieux) || together(r, villeurbanne[0], venissieux)).toBe(false);
  });

  it('keeps a town hall and the CCAS of one town apart, even at one address', () => {
    const a = rec({ name: 'Mairie de Villeurbanne', communeInsee: '69266', address: '1 place Lazare Goujon' });
    const b = rec({ name: 'CCAS de Villeurbanne', communeInsee: '69266', address: '1 place Lazare Goujon' });
    expect(together(linkRecords([a, b], { communes }), a, b)).toBe(false);
  });
});

describe('linkRecords: towns farther away, and contacts as evidence', () => {
  // Vienne is 26 km from Villeurbanne, Grenoble 95 km
  const around = new Map<string, CommuneLocation>([
    ...communes,
    ['38544', { lat: 45.5255, lon: 4.8745, name: 'Vienne' }],
  ]);
  const phone = (id: string) => ({ contactId: id, lastName: 'Roux', phone: '04 72 10 20 30' });
  const known = () =>
    [1, 2, 3].map((i) => rec({ name: 'Omnihabitat', communeInsee: '69266', contacts: [phone(`k${i}`)] }));

  it('joins a record typed with a town 26 km away to its establishment when it shares a phone with it', () => {
    const cluster = known();
    const stray = rec({ name: 'OMNIHABITAT', communeInsee: '38544', contacts: [phone('s1')] });
    const r = linkRecords([...cluster, stray], { communes: around });
    expect(clusterOf(r, stray.recordId).length).toBe(4);
  });

  it('leaves such a record alone on its name only, and always beyond 30 km', () => {
    const cluster = known();
    const nameOnly = rec({ name: 'OMNIHABITAT', communeInsee: '38544' });
    expect(clusterOf(linkRecords([...cluster, nameOnly], { communes: around }), nameOnly.recordId)).toEqual([
      nameOnly.recordId,
    ]);
    const far = rec({ name: 'OMNIHABITAT', communeInsee: '38185', contacts: [phone('f1')] });
    expect(clusterOf(linkRecords([...cluster, far], { communes: around }), far.recordId)).toEqual([far.recordId]);
  });

  it('does not link two firms of one town whose only common point is a webmail address (namesakes)', () => {
    const mail = (id: string) => ({
      contactId: id,
      firstName: 'Jean',
      lastName: 'Martin',
      email: 'jean.martin@gmail.com',
    });
    const a = rec({ name: 'Garage Masson', communeInsee: '69266', contacts: [mail('w1')] });
    const b = rec({ name: 'Carrosserie Dupont', communeInsee: '69266', contacts: [mail('w2')] });
    expect(together(linkRecords([a, b], { communes }), a, b)).toBe(false);
  });
});

describe('public bodies: a slip in the kind, two bodies of one town', () => {
  it('reads a public body’s first word with one slip', () => {
    expect(tokens('Maiorie de Tulle')).toBe('commune tulle');
    expect(tokens('CCSA Tulle')).toBe('ccas tulle');
    expect(tokens('Marie Transports')).toBe('marie transport');
  });

  it('reads the long forms of a public body’s kind with one slip in each long word', () => {
    const read: Array<[string, string]> = [
      ["CENTRE COMMUNAL D'ACTION SOCILE DE TULLE", 'ccas tulle'],
      ["Cenntre Communal d'Action Sociale de Tulle", 'ccas tulle'],
      ['Hôtel de Visle de Tulle', 'commune tulle'],
      ['Maison de Retrite les Tilleuls', 'ehpad tilleul'],
      // the service of a mistyped form is still a public body's service
      ['Centre communal d’action socile de Tulle – Espaces verts', 'ccas tulle'],
      // a form with a single long word must be typed right, and a slip is one only
      ['Villa de Tulle', 'villa tulle'],
      ['Centre Commercial de Tulle', 'centre commercial tulle'],
    ];
    for (const [name, canonical] of read) expect(tokens(name)).toBe(canonical);
  });

  it('does not read the town hall and the communauté de communes of one town as two sites of one name', () => {
    const saintGenis = new Map<string, CommuneLocation>([
      ...communes,
      ['69204', { lat: 45.6953, lon: 4.7928, name: 'Saint-Genis-Laval' }],
    ]);
    const town = [1, 2].map(() =>
      rec({ name: 'Mairie de Saint-Genis-Laval', communeInsee: '69204', siret: '73282932000074' }),
    );
    const cc = [1, 2].map(() =>
      rec({ name: 'CC du Pays de Saint-Genis-Laval', communeInsee: '69204', siret: '44096873300020' }),
    );
    // a spelling that gives the rarest words a different order of rarity
    const vague = rec({ name: 'Com Com Pays de Saint-Genis-Laval', communeInsee: '69204' });
    const others = [1, 2, 3].map(() => rec({ name: 'Mairie de Vénissieux', communeInsee: '69259' }));
    const ccs = [1, 2, 3, 4].map(() => rec({ name: 'CC du Pays de Vénissieux', communeInsee: '69259' }));
    const r = linkRecords([...town, ...cc, vague, ...others, ...ccs], { communes: saintGenis });
    expect(together(r, cc[0], vague)).toBe(true);
    expect(together(r, town[0], vague)).toBe(false);
  });
});

describe('linkRecords: a stray judged against its group (issue 16)', () => {
  it('lets one record with an odd street join its establishment when the name is known at one site only', () => {
    const right = [1, 2, 3].map(() => rec({ name: 'Ovalis', communeInsee: '69266', address: '135 avenue des Lilas' }));
    const vague = rec({ name: 'Ovalis SARL', communeInsee: '69266' });
    const odd = rec({ name: 'OVALIS', communeInsee: '69266', address: '12 rue Pasteur' });
    const r = linkRecords([...right, vague, odd], { communes });
    expect(clusterOf(r, odd.recordId).length).toBe(5);
  });

  it('still keeps apart a record whose street is a second site that two records confirm', () => {
    const right = [1, 2, 3].map(() => rec({ name: 'Ovalis', communeInsee: '69266', address: '135 avenue des Lilas' }));
    const other = [1, 2].map(() => rec({ name: 'Ovalis', communeInsee: '69266', address: '12 rue Pasteur' }));
    const r = linkRecords([...right, ...other], { communes });
    expect(together(r, right[0], other[0])).toBe(false);
  });
});

describe('linkRecords: a head office’s SIRET typed for a branch (issue 16)', () => {
  const branch = '73282932001015';
  const head = '73282932001007';

  it('reads the SIRET also typed in another town as the head office’s where the branch has its own', () => {
    const own = [1, 2, 3].map(() => rec({ name: 'Nexatrans', communeInsee: '69266', siret: branch }));
    const typedHead = [1, 2, 3].map(() => rec({ name: 'Nexatrans', communeInsee: '69266', siret: head }));
    const elsewhere = rec({ name: 'Nexatrans', communeInsee: '38185', siret: head });
    const r = linkRecords([...own, ...typedHead, elsewhere], { communes });
    expect(clusterOf(r, own[0].recordId).sort()).toEqual([...own, ...typedHead].map((x) => x.recordId).sort());
  });

  it('keeps two SIRETs of one SIREN in one town apart when neither is typed anywhere else', () => {
    const a = [1, 2].map(() => rec({ name: 'Nexatrans', communeInsee: '69266', siret: branch }));
    const b = [1, 2].map(() => rec({ name: 'Nexatrans', communeInsee: '69266', siret: head }));
    expect(together(linkRecords([...a, ...b], { communes }), a[0], b[0])).toBe(false);
  });
});

describe('linkRecords: the town named in a record without a commune (issue 16)', () => {
  const twoSites = () => [
    ...[1, 2, 3].map(() => rec({ name: 'Nexa Services', communeInsee: '69266', address: '4 rue Colin' })),
    ...[1, 2, 3].map(() => rec({ name: 'Nexa Services', communeInsee: '69259', address: '80 avenue Jean Jaurès' })),
  ];

  it('places "Agence <town> <name>" in that town: it joins the site there, not the other one', () => {
    const sites = twoSites();
    const agency = rec({ name: 'Agence Vénissieux Nexa Services' });
    const r = linkRecords([...sites, agency], { communes });
    expect(together(r, agency, sites[3])).toBe(true);
    expect(together(r, agency, sites[0])).toBe(false);
  });

  it('places a name ending with a town’s long name, and marks where "agence" stood', () => {
    const sites = twoSites();
    const suffixed = rec({ name: 'Nexa Services Vénissieux' });
    expect(together(linkRecords([...sites, suffixed], { communes }), suffixed, sites[3])).toBe(true);
    expect(normaliseCompanyName('Netmarket agence de Brive').agencyAt).toBe(1);
    expect(normaliseCompanyName('Netmarket').agencyAt).toBeUndefined();
  });

  it('drops the town after "agence" when it is a commune next to the one typed', () => {
    const venissieux = [1, 2, 3].map(() => rec({ name: 'Nexa Services', communeInsee: '69259' }));
    // Villeurbanne is 8 km from Vénissieux: typed with the next commune, its agency joins its one site
    const nextDoor = rec({ name: 'Agence Vénissieux Nexa Services', communeInsee: '69266' });
    expect(together(linkRecords([...venissieux, nextDoor], { communes }), nextDoor, venissieux[0])).toBe(true);
  });

  it('reads "agence" with one slip or split by a dash, not a town that sounds like it', () => {
    expect(tokens('Netmarket agnece de Brive')).toBe('netmarket brive');
    expect(tokens('Netmarket AGENCES DE BRIVE')).toBe('netmarket brive');
    expect(normaliseCompanyName('Agenc-e Brive Netmarket')).toMatchObject({
      tokens: ['brive', 'netmarket'],
      agencyAt: 0,
    });
    expect(normaliseCompanyName('Age-nce Brive Netmarket').agencyAt).toBe(0);
    // Saint-Gence is a town (no first letter), "agent" two slips away
    expect(tokens('Logicom Hôtel Saint-Gence')).toBe('logicom hotel saint gence');
    expect(tokens('Agent Immobilier Martin')).toBe('agent immobilier martin');
    const sites = twoSites();
    const agency = rec({ name: 'Agece Vénissieux Nexa Services' });
    const r = linkRecords([...sites, agency], { communes });
    expect(together(r, agency, sites[3])).toBe(true);
    expect(together(r, agency, sites[0])).toBe(false);
  });
});

describe('linkRecords: a record left alone, judged against the clusters of its name (issue 16)', () => {
  // Vienne is 26 km from Villeurbanne, Givors 22 km (same department), Vénissieux 8 km
  const around = new Map<string, CommuneLocation>([
    ...communes,
    ['38544', { lat: 45.5255, lon: 4.8745, name: 'Vienne' }],
    ['69091', { lat: 45.5906, lon: 4.7689, name: 'Givors' }],
  ]);
  const alone = (r: { clusters: string[][] }, x: LinkableRecord) => clusterOf(r, x.recordId).length === 1;
  const cluster = (name: string, commune: string, extra: Partial<LinkableRecord> = {}) =>
    [1, 2, 3].map(() => rec({ name, communeInsee: commune, ...extra }));

  it('joins the one cluster of its name when it gives no place at all (its pair scores stay under the threshold)', () => {
    // two SIRETs of their own under the name make it "known at several sites": name + no place is then worth little
    const own = cluster('Logienergie', '69266', { siret: '73282932000074' });
    const other = [rec({ name: 'LOGIENERGIE', communeInsee: '69266', siret: '44306184100047' })];
    const stray = rec({ name: 'Logienergie' });
    const r = linkRecords([...own, ...other, stray], { communes: around });
    expect(alone(r, stray)).toBe(false);
    expect(together(r, stray, own[0])).toBe(true);
  });

  it('stays alone when two clusters of its name exist and nothing of it picks one', () => {
    const lyon = cluster('Logienergie', '69266', { address: '12 rue Pasteur' });
    const vienne = cluster('Logienergie', '38544', { address: '5 quai Riondet' });
    const stray = rec({ name: 'Logienergie' });
    expect(alone(linkRecords([...lyon, ...vienne, stray], { communes: around }), stray)).toBe(true);
    // …but a phone shared with one of them does
    const phone = { contactId: 'p1', lastName: 'Roux', phone: '04 72 10 20 30' };
    const vienneKnown = vienne.map((v, i) => ({ ...v, contacts: [{ ...phone, contactId: `v${i}` }] }));
    const known = rec({ name: 'Logienergie', contacts: [phone] });
    const r = linkRecords([...lyon, ...vienneKnown, known], { communes: around });
    expect(together(r, known, vienneKnown[0])).toBe(true);
  });

  it('joins on a name only close to the cluster’s in its very commune (two slips), not in the next one', () => {
    const own = cluster('Multiservices', '69266', { address: '8 cours Emile Zola' });
    const typo = rec({ name: 'SASU Mlutistrvices', communeInsee: '69266' });
    expect(together(linkRecords([...own, typo], { communes: around }), typo, own[0])).toBe(true);
    const next = rec({ name: 'SASU Mlutistrvices', communeInsee: '69259', address: '8 cours Emile Zola' });
    expect(alone(linkRecords([...own, next], { communes: around }), next)).toBe(true);
  });

  it('in another town, needs the same street or the same people, and never a branch named after its town', () => {
    // a second site in Vienne makes the name one of several sites: pair scores never join Givors (22 km) to Villeurbanne
    const own = cluster('Omnihabitat', '69266', { address: '76 rue de la Liberté', siret: '73282932000074' });
    const vienne = [1, 2].map(() => rec({ name: 'Omnihabitat', communeInsee: '38544', siret: '44306184100047' }));
    const run = (x: LinkableRecord) => linkRecords([...own, ...vienne, x], { communes: around });
    const sameStreet = rec({ name: 'OMNIHABITAT', communeInsee: '69091', address: '76 r. de la Liberte' });
    expect(together(run(sameStreet), sameStreet, own[0])).toBe(true);
    const nameOnly = rec({ name: 'OMNIHABITAT', communeInsee: '69091' });
    expect(alone(run(nameOnly), nameOnly)).toBe(true);
    const branch = rec({ name: 'Omnihabitat Givors', communeInsee: '69091', address: '76 rue de la Liberté' });
    expect(alone(run(branch), branch)).toBe(true);
  });

  it('keeps out a record with its own SIRET that no member typed (another site of the company), or another SIREN', () => {
    const own = cluster('Bioline', '69266', { siret: '73282932000074' });
    const otherSite = rec({ name: 'Bioline', siret: '73282932000108' });
    expect(alone(linkRecords([...own, otherSite], { communes: around }), otherSite)).toBe(true);
    const otherSiren = rec({ name: 'Bioline', siren: '443061841' });
    expect(alone(linkRecords([...own, otherSiren], { communes: around }), otherSiren)).toBe(true);
    const sameSiret = rec({ name: 'Bioline', siret: '732 829 320 00074' });
    expect(together(linkRecords([...own, sameSiret], { communes: around }), sameSiret, own[0])).toBe(true);
  });

  it('reads Lyon as a place of many sites: the city alone does not join one of its arrondissements', () => {
    // a second site of the name in the 7e, known by one record: a record typed "Lyon" may be of either
    const own = cluster('Proxi Intérim', '69383', { siret: '73282932000074' });
    const seventh = rec({ name: 'Proxi Intérim', communeInsee: '69387', siret: '73282932000108' });
    const lyon = rec({ name: 'Proxi Interim', communeInsee: '69123' });
    expect(alone(linkRecords([...own, seventh, lyon], { communes: around }), lyon)).toBe(true);
  });

  it('joins a piece of two records to the larger cluster each of them would join alone, unless both give another street', () => {
    // "known at several sites" (a second SIRET of its own): pair scores keep the records without a commune out
    const own = cluster('Logienergie', '69266', { siret: '73282932000074', address: '5 rue Racine' });
    const other = rec({ name: 'LOGIENERGIE', communeInsee: '69266', siret: '44306184100047' });
    const phone = { contactId: 'x', lastName: 'Roux', phone: '04 72 10 20 30' };
    const piece = [1, 2].map((i) => rec({ name: 'Logienergie', contacts: [{ ...phone, contactId: `p${i}` }] }));
    const r = linkRecords([...own, other, ...piece], { communes: around });
    expect(together(r, piece[0], piece[1])).toBe(true);
    expect(together(r, piece[0], own[0])).toBe(true);
    const site = [1, 2].map((i) =>
      rec({
        name: 'Logienergie',
        communeInsee: '69266',
        address: '40 avenue Henri Barbusse',
        contacts: [{ ...phone, contactId: `q${i}` }],
      }),
    );
    const r2 = linkRecords([...own, other, ...site], { communes: around });
    expect(together(r2, site[0], site[1])).toBe(true);
    expect(together(r2, site[0], own[0])).toBe(false);
  });
});
