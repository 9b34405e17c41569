/**
 * Labelled data for the company-linking engine (formats of shared/bench/pooling/FORMAT.md), written the way SIAE
 * spreadsheets look: legal forms added, moved or dropped, abbreviations, typos, missing or mistyped SIRETs, a head
 * office's SIRET typed for a branch, arrondissement or city code, a neighbouring commune, contacts known by several SIAE.
 * The truth is the establishment (its SIRET); two establishments of one chain are two companies.
 * Deterministic for a seed; a profile sets the rates so that a held-out set differs from the one the engine was built on.
 */
import { distanceKm } from '../../../src/modules/employer-network/linking/commune';
import { LinkableContact, LinkableRecord } from '../../../src/modules/employer-network/linking/types';
import {
  BRAND_HEADS,
  BRAND_TAILS,
  FIRST_NAMES,
  LEGAL_FORMS,
  PLACES,
  STREET_NAMES,
  STREET_TYPES,
  SURNAMES,
  TRADES,
  Trade,
} from './vocabulary';
import {
  COMPANY_SERVICES,
  FRANCHISES,
  PUBLIC_FORMS,
  PUBLIC_KINDS,
  PUBLIC_NAF,
  PUBLIC_SERVICES,
  PublicKind,
  RESIDENCES,
  SEPARATORS,
  WildRates,
} from './wild';

export interface Commune {
  code: string;
  name: string;
  department: string;
  postcodes: string[];
  lat: number;
  lon: number;
}

export interface Profile {
  name: string;
  seed: number;
  siaeCount: number;
  records: number;
  departments: string[];
  /** Share of companies that are chains (several establishments under one SIREN, one name). */
  chainShare: number;
  chainSize: [number, number];
  /** Share of single-site companies that reuse the name of another company (another SIREN) elsewhere. */
  twinShare: number;
  siretPresent: number;
  siretTypo: number;
  /** For a chain's branch, the SIAE types the head office's SIRET. */
  headOfficeSiret: number;
  sirenOnly: number;
  /** In Paris/Lyon/Marseille, the SIAE writes the city's code instead of the arrondissement. */
  cityCodeInsteadOfArrondissement: number;
  neighbourCommune: number;
  missingCommune: number;
  addressPresent: number;
  nafPresent: number;
  typo: number;
  /** Chains: the town appended to the name ("Proxi Marché Villeurbanne"). */
  chainTownInName: number;
  /** Chains: one regional HR person listed for several establishments. */
  chainSharedContact: number;
  /** Records an SIAE entered twice. */
  withinSiaeDuplicate: number;
  /** Zipf exponent of how many SIAE know one establishment. */
  popularityExponent: number;
  maxKnownBy: number;
  /** The phenomena of issue 16 (public bodies, franchises, sole traders, far towns, odd records…); absent: none. */
  wild?: WildRates;
}

export const MAIN_PROFILE: Profile = {
  name: 'main',
  seed: 20240917,
  siaeCount: 560,
  records: 100_000,
  departments: ['69', '38', '01', '42', '13', '75', '92', '93'],
  chainShare: 0.04,
  chainSize: [3, 20],
  twinShare: 0.08,
  siretPresent: 0.55,
  siretTypo: 0.05,
  headOfficeSiret: 0.12,
  sirenOnly: 0.06,
  cityCodeInsteadOfArrondissement: 0.45,
  neighbourCommune: 0.02,
  missingCommune: 0.03,
  addressPresent: 0.7,
  nafPresent: 0.4,
  typo: 0.12,
  chainTownInName: 0.3,
  chainSharedContact: 0.05,
  withinSiaeDuplicate: 0.01,
  popularityExponent: 1.7,
  maxKnownBy: 45,
};

/** Held out: other territory, other seed, and the hard cases turned up. */
export const HELD_OUT_PROFILES: Profile[] = [
  {
    name: 'held-out-chains',
    seed: 777,
    siaeCount: 520,
    records: 60_000,
    departments: ['31', '33', '59', '44', '67', '06', '13'],
    chainShare: 0.12,
    chainSize: [4, 35],
    twinShare: 0.2,
    siretPresent: 0.5,
    siretTypo: 0.08,
    headOfficeSiret: 0.3,
    sirenOnly: 0.08,
    cityCodeInsteadOfArrondissement: 0.6,
    neighbourCommune: 0.05,
    missingCommune: 0.05,
    addressPresent: 0.55,
    nafPresent: 0.3,
    typo: 0.18,
    chainTownInName: 0.15,
    chainSharedContact: 0.25,
    withinSiaeDuplicate: 0.02,
    popularityExponent: 1.5,
    maxKnownBy: 60,
  },
  {
    name: 'held-out-sparse',
    seed: 4242,
    siaeCount: 500,
    records: 40_000,
    departments: ['75', '92', '93', '94', '91', '95', '77', '78'],
    chainShare: 0.06,
    chainSize: [2, 12],
    twinShare: 0.15,
    siretPresent: 0.3,
    siretTypo: 0.1,
    headOfficeSiret: 0.2,
    sirenOnly: 0.1,
    cityCodeInsteadOfArrondissement: 0.5,
    neighbourCommune: 0.04,
    missingCommune: 0.08,
    addressPresent: 0.45,
    nafPresent: 0.2,
    typo: 0.2,
    chainTownInName: 0.2,
    chainSharedContact: 0.1,
    withinSiaeDuplicate: 0.02,
    popularityExponent: 1.9,
    maxKnownBy: 30,
  },
];

/**
 * Development sets: what the engine is tuned on besides main, so that the held-out sets stay unseen. Other seeds and
 * other territories than both main and the held-out sets, with rates near (never equal to) the held-out ones: one
 * sparse (few SIRETs and addresses, many typos and missing communes, Lyon's arrondissements), one with
 * chains, twins and head-office SIRETs, and one sparser still in towns without arrondissements.
 */
export const DEV_PROFILES: Profile[] = [
  {
    name: 'dev-sparse',
    seed: 90210,
    siaeCount: 500,
    records: 40_000,
    departments: ['69', '74', '84', '83', '34', '30', '26', '63'],
    chainShare: 0.07,
    chainSize: [2, 14],
    twinShare: 0.14,
    siretPresent: 0.33,
    siretTypo: 0.09,
    headOfficeSiret: 0.22,
    sirenOnly: 0.09,
    cityCodeInsteadOfArrondissement: 0.55,
    neighbourCommune: 0.045,
    missingCommune: 0.075,
    addressPresent: 0.48,
    nafPresent: 0.22,
    typo: 0.21,
    chainTownInName: 0.18,
    chainSharedContact: 0.12,
    withinSiaeDuplicate: 0.02,
    popularityExponent: 1.85,
    maxKnownBy: 32,
  },
  {
    name: 'dev-chains',
    seed: 31337,
    siaeCount: 520,
    records: 40_000,
    departments: ['35', '29', '56', '22', '49', '37', '45', '76'],
    chainShare: 0.1,
    chainSize: [4, 30],
    twinShare: 0.18,
    siretPresent: 0.48,
    siretTypo: 0.07,
    headOfficeSiret: 0.28,
    sirenOnly: 0.07,
    cityCodeInsteadOfArrondissement: 0.5,
    neighbourCommune: 0.05,
    missingCommune: 0.055,
    addressPresent: 0.52,
    nafPresent: 0.3,
    typo: 0.17,
    chainTownInName: 0.17,
    chainSharedContact: 0.22,
    withinSiaeDuplicate: 0.02,
    popularityExponent: 1.55,
    maxKnownBy: 55,
  },
  {
    name: 'dev-sparser',
    seed: 5150,
    siaeCount: 500,
    records: 30_000,
    departments: ['57', '54', '21', '25', '51', '62', '80', '60'],
    chainShare: 0.06,
    chainSize: [2, 10],
    twinShare: 0.16,
    siretPresent: 0.27,
    siretTypo: 0.1,
    headOfficeSiret: 0.2,
    sirenOnly: 0.11,
    cityCodeInsteadOfArrondissement: 0.5,
    neighbourCommune: 0.05,
    missingCommune: 0.09,
    addressPresent: 0.42,
    nafPresent: 0.18,
    typo: 0.22,
    chainTownInName: 0.22,
    chainSharedContact: 0.08,
    withinSiaeDuplicate: 0.02,
    popularityExponent: 1.95,
    maxKnownBy: 28,
  },
];

const WILD: WildRates = {
  publicBodyShare: 0.08,
  franchiseShare: 0.012,
  franchiseSize: [5, 20],
  soleTraderShare: 0.15,
  legalNameTyped: 0.25,
  publicServiceSuffix: 0.2,
  serviceSuffix: 0.04,
  agencyOf: 0.2,
  farNeighbour: 0.03,
  noPlace: 0.03,
  popularFrom: 15,
  oddRecord: 0.06,
  webmailShare: 0.35,
  publicPopularity: 2,
};

/** A profile with the sparse rates of dev-sparse and the phenomena of issue 16, in another territory. */
function wildProfile(name: string, seed: number, records: number, departments: string[], wild: WildRates): Profile {
  return {
    name,
    seed,
    siaeCount: 480,
    records,
    departments,
    chainShare: 0.07,
    chainSize: [2, 16],
    twinShare: 0.15,
    siretPresent: 0.36,
    siretTypo: 0.08,
    headOfficeSiret: 0.22,
    sirenOnly: 0.08,
    cityCodeInsteadOfArrondissement: 0.5,
    neighbourCommune: 0.05,
    missingCommune: 0.07,
    addressPresent: 0.48,
    nafPresent: 0.22,
    typo: 0.2,
    chainTownInName: 0.18,
    chainSharedContact: 0.15,
    withinSiaeDuplicate: 0.02,
    popularityExponent: 1.7,
    maxKnownBy: 40,
    wild,
  };
}

/**
 * Issue 16: profiles with the phenomena met on others' data (public bodies, franchises, sole traders, towns up to 30 km
 * away, no commune, odd records in popular clusters, webmail namesakes), in territories no other profile uses (Limousin
 * and Poitou-Charentes; Occitanie's rural departments). Tuned on.
 */
export const WILD_DEV_PROFILES: Profile[] = [
  wildProfile('dev-wild', 1606, 30_000, ['87', '19', '23', '24', '16', '86', '79', '17'], WILD),
  wildProfile('dev-public', 2718, 25_000, ['12', '81', '82', '46', '32', '65', '09', '11'], {
    ...WILD,
    publicBodyShare: 0.16,
    publicServiceSuffix: 0.3,
    farNeighbour: 0.05,
    noPlace: 0.05,
    oddRecord: 0.08,
  }),
];

/**
 * Set aside: the same phenomena with seeds and territories (Burgundy and Centre; the southern Alps and Massif Central)
 * never used while tuning; run only to report (`--only aside`).
 */
export const ASIDE_PROFILES: Profile[] = [
  wildProfile('aside-wild', 8191, 30_000, ['71', '58', '89', '03', '18', '36', '41', '28'], WILD),
  wildProfile('aside-public', 65537, 25_000, ['05', '04', '48', '07', '43', '15', '39', '70'], {
    ...WILD,
    publicBodyShare: 0.16,
    publicServiceSuffix: 0.3,
    farNeighbour: 0.05,
    noPlace: 0.05,
    oddRecord: 0.08,
  }),
];

export interface LabelledSet {
  siae: Array<{ siaeId: string; name: string; kind: string; communeInsee: string; dep: string }>;
  records: LinkableRecord[];
  truth: Array<{ recordId: string; companyKey: string; siren: string }>;
  contactsTruth: Array<{ contactId: string; personKey: string }>;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function luhnComplete(base: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = base + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let v = s.charCodeAt(s.length - 1 - i) - 48;
      if (i % 2 === 1) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

interface Person {
  key: string;
  first: string;
  last: string;
  email: string | null;
  phone: string | null;
}

interface Establishment {
  siret: string;
  siren: string;
  name: string;
  legalForm: string | null;
  trade: Trade;
  commune: Commune;
  street: { number: number; type: string[]; name: string };
  people: Person[];
  knownBy: number;
  isChainBranch: boolean;
  headOfficeSiret: string;
  /** Wild profiles only: a public body (named after its town), a sole trader's owner, a franchise store. */
  publicKind?: PublicKind;
  residence?: string;
  owner?: { first: string; last: string };
  franchise?: boolean;
}

export function generate(profile: Profile, communesAll: Map<string, Commune>): LabelledSet {
  const rnd = prng(profile.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const communes = [...communesAll.values()].filter((c) => profile.departments.includes(c.department));
  const byDep = new Map<string, Commune[]>();
  for (const c of communes) (byDep.get(c.department) ?? byDep.set(c.department, []).get(c.department)!).push(c);
  // Employers cluster in cities: the department's densest places (arrondissements, communes with several postcodes,
  // and those around them) weigh most.
  const urban = new Map<string, Commune[]>();
  for (const [dep, list] of byDep) {
    const cores = list.filter((c) => /^(751|6938|132)/.test(c.code) || c.postcodes.length > 1);
    const core = cores.length ? cores : list.slice(0, 5);
    const near = list.filter((c) => core.some((k) => distanceKm(k, c) < 12));
    urban.set(dep, [...core, ...core, ...near]);
  }
  const placeIn = (dep: string): Commune => (chance(0.6) ? pick(urban.get(dep)!) : pick(byDep.get(dep)!));
  const neighbours = (c: Commune): Commune[] =>
    communes.filter((o) => o.code !== c.code && o.department === c.department && distanceKm(o, c) < 10);
  const w = profile.wild;
  const farCache = new Map<string, Commune[]>();
  // towns 10 to 30 km away, in any department of the profile (wild profiles only)
  const farNeighbours = (c: Commune, max: number): Commune[] => {
    const key = `${c.code}|${max}`;
    let list = farCache.get(key);
    if (!list) {
      list = communes.filter((o) => {
        const d = distanceKm(o, c);
        return d >= 10 && d <= max;
      });
      farCache.set(key, list);
    }
    return list;
  };

  let sirenCounter = 0;
  // 8 distinct digits per company (7919 is prime to 89e6), completed by the Luhn digit
  const newSiren = () => luhnComplete(String(10_000_000 + ((sirenCounter++ * 7919 + profile.seed) % 89_000_000)));
  let personCounter = 0;
  const phoneDigits = () => `0${pick(['6', '7', '4', '1', '9'])}${String(int(0, 99_999_999)).padStart(8, '0')}`;
  const newPerson = (domain: string): Person => {
    const first = pick(FIRST_NAMES);
    const last = pick(SURNAMES);
    const plain = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z]+/g, '');
    const local = chance(0.5) ? `${plain(first)}.${plain(last)}` : `${plain(first)[0]}${plain(last)}`;
    return {
      key: `p-${personCounter++}`,
      first,
      last,
      email: chance(0.8)
        ? `${local}@${chance(w ? w.webmailShare : 0.2) ? pick(['gmail.com', 'orange.fr', 'yahoo.fr']) : domain}`
        : null,
      phone: chance(0.75) ? phoneDigits() : null,
    };
  };

  const baseName = (trade: Trade): string => {
    const r = rnd();
    if (r < 0.33) return `${trade.label} ${pick(SURNAMES)}`;
    if (r < 0.41) return `${pick(SURNAMES)} ${pick(['et Fils', 'Frères', '& Fils', 'et Associés'])}`;
    if (r < 0.55) return `${pick(BRAND_HEADS)}${pick(BRAND_TAILS)}`;
    if (r < 0.63) return `${trade.label} ${pick(['du', 'de la', 'des'])} ${pick(PLACES)}`;
    if (r < 0.8) return `${pick(BRAND_HEADS)}${pick(BRAND_TAILS)} ${trade.label}`;
    if (r < 0.9) return `${pick(SURNAMES)} ${trade.label}`;
    return `${pick(SURNAMES)} ${pick(SURNAMES)}`;
  };
  const domainOf = (name: string) =>
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '') + pick(['.fr', '.com', '.fr', '-sas.fr']);
  const newStreet = () => ({ number: int(1, 180), type: pick(STREET_TYPES), name: pick(STREET_NAMES) });

  // Companies and establishments until the expected number of records is reached.
  const establishments: Establishment[] = [];
  const usedNames: Array<{ name: string; trade: Trade; communes: Set<string> }> = [];
  const communesByName = new Map<string, Set<string>>();
  const knownBy = () => {
    // discrete power law on 1..max
    const u = rnd();
    const k = Math.floor(
      Math.pow(
        1 - u * (1 - Math.pow(profile.maxKnownBy + 1, 1 - profile.popularityExponent)),
        1 / (1 - profile.popularityExponent),
      ),
    );
    return Math.max(1, Math.min(profile.maxKnownBy, k));
  };
  let expected = 0;
  const publicTaken = new Set<string>();
  const pickKind = (): PublicKind => {
    let u = rnd();
    for (const [kind, share] of PUBLIC_KINDS) if ((u -= share) < 0) return kind;
    return 'commune';
  };
  while (expected < profile.records) {
    if (w && chance(w.publicBodyShare)) {
      // a public body: one per kind and town (EHPAD: per residence and town), known by many SIAE
      const kind = pickKind();
      const commune = placeIn(pick(profile.departments));
      const residence = kind === 'ehpad' ? pick(RESIDENCES) : undefined;
      const key = `${kind}|${commune.code}|${residence ?? ''}`;
      if (publicTaken.has(key)) continue;
      publicTaken.add(key);
      const siren = newSiren();
      const town = commune.name.replace(/ \d+(er|e)$/, '');
      const name = PUBLIC_FORMS[kind][0].replace('{T}', town).replace('{R}', residence ?? '');
      let k = knownBy();
      for (let i = 1; i < w.publicPopularity; i++) k = Math.max(k, knownBy());
      const domain = domainOf(`${kind} ${town}`);
      const siret = luhnComplete(siren + String(10 + int(0, 9)).padStart(4, '0'));
      establishments.push({
        siret,
        siren,
        name,
        legalForm: null,
        trade: { label: name, naf: PUBLIC_NAF[kind], abbreviations: [] },
        commune,
        street: newStreet(),
        people: Array.from({ length: int(1, 4) }, () => newPerson(domain)),
        knownBy: k,
        isChainBranch: false,
        headOfficeSiret: siret,
        publicKind: kind,
        residence,
      });
      expected += k;
      continue;
    }
    if (w && chance(w.franchiseShare)) {
      // a franchise brand: each store its own company, all known by the brand's name
      const brand = pick(FRANCHISES);
      const trade = pick(TRADES);
      const homeDep = pick(profile.departments);
      const stores = int(w.franchiseSize[0], w.franchiseSize[1]);
      for (let e = 0; e < stores; e++) {
        const siren = newSiren();
        const siret = luhnComplete(siren + String(int(10, 99)).padStart(4, '0'));
        const domain = chance(0.5) ? domainOf(brand) : domainOf(`${brand} ${pick(SURNAMES)}`);
        const k = knownBy();
        establishments.push({
          siret,
          siren,
          name: brand,
          legalForm: chance(0.8) ? pick(LEGAL_FORMS) : null,
          trade,
          commune: placeIn(chance(0.7) ? homeDep : pick(profile.departments)),
          street: newStreet(),
          people: Array.from({ length: int(1, 3) }, () => newPerson(domain)),
          knownBy: k,
          isChainBranch: false,
          headOfficeSiret: siret,
          franchise: true,
        });
        expected += k;
      }
      continue;
    }
    const siren = newSiren();
    const isChain = chance(profile.chainShare);
    let trade = pick(TRADES);
    let name: string;
    let twinOf: Set<string> | null = null;
    if (!isChain && usedNames.length > 0 && chance(profile.twinShare)) {
      const twin = pick(usedNames);
      name = twin.name;
      trade = twin.trade;
      twinOf = twin.communes;
    } else name = baseName(trade);
    const communesOfName = communesByName.get(name) ?? new Set<string>();
    communesByName.set(name, communesOfName);
    usedNames.push({ name, trade, communes: communesOfName });
    const legalForm = chance(0.85) ? pick(LEGAL_FORMS) : null;
    // a twin is another firm: same name, its own web domain
    const domain =
      twinOf !== null
        ? domainOf(`${name} ${pick(['groupe', 'sarl', 'ent', 'ets', '69', '13', 'pro'])}`)
        : domainOf(name);
    const count = isChain ? int(profile.chainSize[0], profile.chainSize[1]) : 1;
    const homeDep = pick(profile.departments);
    const hrPerson = isChain && chance(profile.chainSharedContact) ? newPerson(domain) : null;
    let headOffice = '';
    const sites = new Set<string>();
    for (let e = 0; e < count; e++) {
      const nic = String((e + 1) * 10 + int(0, 9)).padStart(4, '0');
      const siret = luhnComplete(siren + nic);
      if (e === 0) headOffice = siret;
      // a chain mostly stays in its region, often with several sites in one city
      const dep = isChain && chance(0.3) ? pick(profile.departments) : homeDep;
      // a twin is elsewhere: two firms of one name in one commune would not be told apart by anyone
      let commune = placeIn(dep);
      for (
        let tries = 0;
        tries < 10 && (sites.has(commune.code) || (twinOf !== null && twinOf.has(commune.code)));
        tries++
      )
        commune = placeIn(dep);
      sites.add(commune.code);
      communesOfName.add(commune.code);
      const people = Array.from({ length: int(1, 3) }, () => newPerson(domain));
      if (hrPerson) people.push(hrPerson);
      const k = knownBy();
      // a sole trader: no legal form, known by the shop sign or by the owner's name
      const owner =
        w && !isChain && chance(w.soleTraderShare) ? { first: pick(FIRST_NAMES), last: pick(SURNAMES) } : undefined;
      if (owner) people.push({ ...newPerson(domain), first: owner.first, last: owner.last });
      establishments.push({
        owner,
        siret,
        siren,
        name,
        legalForm: owner ? null : legalForm,
        trade,
        commune,
        street: newStreet(),
        people,
        knownBy: k,
        isChainBranch: isChain && e > 0,
        headOfficeSiret: headOffice,
      });
      expected += k;
    }
  }

  // SIAE, spread over the departments; an establishment is known by SIAE of its department, sometimes from elsewhere.
  const kinds = ['ACI', 'AI', 'EI', 'ETTI', 'EITI', 'EBE'];
  const siae = Array.from({ length: profile.siaeCount }, (_, i) => {
    const dep = profile.departments[i % profile.departments.length];
    const c = placeIn(dep);
    return {
      siaeId: `siae-${String(i + 1).padStart(4, '0')}`,
      name: `SIAE ${i + 1}`,
      kind: pick(kinds),
      communeInsee: c.code,
      dep,
    };
  });
  const siaeByDep = new Map<string, typeof siae>();
  for (const s of siae) (siaeByDep.get(s.dep) ?? siaeByDep.set(s.dep, []).get(s.dep)!).push(s);

  const records: LinkableRecord[] = [];
  const truth: LabelledSet['truth'] = [];
  const contactsTruth: LabelledSet['contactsTruth'] = [];
  let recordCounter = 0;
  const emit = (est: Establishment, siaeId: string) => {
    const recordId = `rec-${String(++recordCounter).padStart(6, '0')}`;
    const contacts: LinkableContact[] = [];
    const nContacts = int(0, 3);
    for (let c = 0; c < nContacts; c++) {
      const person = chance(0.75) ? pick(est.people) : newPerson(domainOf(est.name));
      const contactId = `${recordId}-c${c + 1}`;
      contacts.push(contactVariant(person, contactId));
      contactsTruth.push({ contactId, personKey: person.key });
    }
    // wild profiles: a well-known establishment gets a few odd records (another street, a farther town, no commune)
    const odd = w !== undefined && est.knownBy >= w.popularFrom && chance(w.oddRecord);
    records.push({ recordId, siaeId, ...recordVariant(est, est.isChainBranch, odd), contacts });
    truth.push({ recordId, companyKey: est.siret, siren: est.siren });
  };

  const contactVariant = (p: Person, contactId: string): LinkableContact => {
    let first: string | null = p.first;
    let last: string | null = p.last;
    if (chance(0.15)) first = `${p.first[0]}.`;
    if (chance(0.3)) last = p.last.toUpperCase();
    if (chance(0.05)) first = null;
    if (chance(0.05)) [first, last] = [last, first];
    let email = p.email && chance(0.85) ? p.email : null;
    if (email && chance(0.2)) email = email.replace(/^./, (c) => c.toUpperCase());
    if (email && chance(0.05)) email = ` ${email.toUpperCase()} `;
    let phone = p.phone && chance(0.8) ? p.phone : null;
    if (phone) {
      const d = phone;
      const pairs = d.match(/../g)!.join(' ');
      phone = pick([
        d,
        pairs,
        pairs.replace(/ /g, '.'),
        `+33 ${d.slice(1, 2)} ${d.slice(2).match(/../g)!.join(' ')}`,
        `+33 (0)${d.slice(1)}`,
        `0033${d.slice(1)}`,
        d.slice(1),
      ]);
    }
    return {
      contactId,
      firstName: first,
      lastName: last,
      email,
      phone,
      role: pick(['Gérant', 'RH', 'Directrice', "Chef d'équipe", null]),
    };
  };

  const townOf = (c: Commune) => c.name.replace(/ \d+(er|e)$/, '');
  /** A public body as one SIAE writes it: one of its usual forms, maybe a service after a dash. */
  const publicName = (est: Establishment, wild: WildRates): string => {
    let name = pick(PUBLIC_FORMS[est.publicKind!])
      .replace('{T}', townOf(est.commune))
      .replace('{R}', est.residence ?? '');
    if (chance(wild.publicServiceSuffix)) name = `${name}${pick(SEPARATORS)}${pick(PUBLIC_SERVICES)}`;
    return lightNoise(name);
  };
  const ownerName = (o: { first: string; last: string }): string =>
    pick([
      `${o.last.toUpperCase()} ${o.first}`,
      `${o.first} ${o.last}`,
      `${o.first[0]}. ${o.last}`,
      `EI ${o.last} ${o.first}`,
      `${o.last} ${o.first[0]}.`,
      `${o.first[0]}. ${o.last[0]}.`,
      `Monsieur ${o.last}`,
    ]);
  const lightNoise = (raw: string): string => {
    const words = raw.split(' ');
    if (chance(profile.typo)) {
      const i = int(0, words.length - 1);
      words[i] = typo(words[i]);
    }
    let name = words.join(' ');
    const c = rnd();
    if (c < 0.3) name = name.toUpperCase();
    else if (c < 0.4) name = name.toLowerCase();
    if (chance(0.3)) name = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return name;
  };

  const recordVariant = (
    est: Establishment,
    branch: boolean,
    odd: boolean,
  ): Omit<LinkableRecord, 'recordId' | 'siaeId' | 'contacts'> => {
    let name = est.name;
    if (w && est.publicKind) name = publicName(est, w);
    else if (w && est.owner && chance(w.legalNameTyped)) name = lightNoise(ownerName(est.owner));
    else {
      if (branch && chance(profile.chainTownInName)) name = `${name} ${townOf(est.commune)}`;
      if (w && est.franchise && chance(0.3)) name = `${name} ${townOf(est.commune)}`;
      if (w && branch && chance(w.agencyOf))
        name = chance(0.5) ? `${name} agence de ${townOf(est.commune)}` : `Agence ${townOf(est.commune)} ${name}`;
      name = nameVariant(name, est);
      if (w && chance(w.serviceSuffix)) name = `${name}${pick(SEPARATORS)}${pick(COMPANY_SERVICES)}`;
    }
    let siret: string | null = null;
    let siren: string | null = null;
    if (chance(profile.siretPresent)) {
      siret = branch && chance(profile.headOfficeSiret) ? est.headOfficeSiret : est.siret;
      if (chance(profile.siretTypo)) siret = siretTypo(siret);
      siret = pick([
        siret,
        `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`,
        `${siret.slice(0, 9)} ${siret.slice(9)}`,
      ]);
    } else if (chance(profile.sirenOnly / (1 - profile.siretPresent))) siren = est.siren;
    let commune: Commune | null = est.commune;
    if (chance(profile.neighbourCommune)) {
      const ns = neighbours(est.commune);
      if (ns.length) commune = pick(ns);
    }
    let oddStreet = false;
    if (w) {
      if (chance(w.farNeighbour)) {
        const far = farNeighbours(est.commune, 30);
        if (far.length) commune = pick(far);
      }
      if (odd) {
        const r = rnd();
        if (r < 0.4) oddStreet = true;
        else if (r < 0.8) {
          const far = chance(0.5) ? neighbours(est.commune) : farNeighbours(est.commune, 25);
          if (far.length) commune = pick(far);
        } else commune = null;
      }
    }
    if (commune === null) {
      const address = chance(profile.addressPresent) ? addressVariant(oddStreet ? newStreet() : est.street) : null;
      return { name, siret, siren, naf: null, communeInsee: null, postcode: null, address };
    }
    let communeInsee: string | null = commune.code;
    if (/^(751|6938|132)/.test(communeInsee) && chance(profile.cityCodeInsteadOfArrondissement))
      communeInsee = communeInsee.startsWith('751') ? '75056' : communeInsee.startsWith('6938') ? '69123' : '13055';
    let postcode: string | null = pick(commune.postcodes) ?? null;
    if (chance(profile.missingCommune)) {
      communeInsee = null;
      commune = null;
    }
    if (w && chance(w.noPlace)) [communeInsee, postcode] = [null, null];
    const address = chance(profile.addressPresent) ? addressVariant(oddStreet ? newStreet() : est.street) : null;
    const naf = chance(profile.nafPresent) ? nafVariant(chance(0.05) ? pick(TRADES).naf : est.trade.naf) : null;
    return { name, siret, siren, naf, communeInsee, postcode, address };
  };

  const siretTypo = (s: string): string => {
    const i = int(0, 13);
    if (chance(0.5) && i < 13) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    return s.slice(0, i) + String((Number(s[i]) + int(1, 9)) % 10) + s.slice(i + 1);
  };

  const typo = (w: string): string => {
    if (w.length < 4) return w;
    const i = int(1, w.length - 2);
    const r = rnd();
    if (r < 0.25) return w.slice(0, i) + w.slice(i + 1);
    if (r < 0.5) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (r < 0.75) return w.slice(0, i) + pick('aeiourstnlm'.split('')) + w.slice(i);
    return w.slice(0, i) + pick('aeiourstnlm'.split('')) + w.slice(i + 1);
  };

  const nameVariant = (canonical: string, est: Establishment): string => {
    let words = canonical.split(' ');
    if (chance(0.25)) words = words.map((w) => (w === 'et' ? '&' : w === '&' ? 'et' : w));
    if (chance(0.3)) {
      const t = est.trade;
      const joined = words.join(' ');
      if (t.abbreviations.length && joined.includes(t.label))
        words = joined.replace(t.label, pick(t.abbreviations)).split(' ');
    }
    if (chance(0.1) && words.length > 2 && /^(et|&)$/.test(words[1])) words = [words[0]];
    if (chance(0.08)) words = words.map((w) => (w === 'Saint' ? 'St' : w === 'Sainte' ? 'Ste' : w));
    if (chance(0.06) && words.length >= 2 && est.trade.label.split(' ').includes(words[0]))
      words = [...words.slice(1), words[0]];
    if (chance(profile.typo)) {
      const i = int(0, words.length - 1);
      words[i] = typo(words[i]);
      if (chance(0.15)) {
        const j = int(0, words.length - 1);
        words[j] = typo(words[j]);
      }
    }
    let name = words.join(' ');
    if (chance(0.1)) name = name.replace(/-/g, ' ');
    if (/^[A-Z][a-z]+[a-z]+$/.test(words[0]) && chance(0.05)) name = name.replace(/^(\w{3,5})(\w+)/, '$1-$2');
    const form = est.legalForm;
    const r = rnd();
    if (form && r < 0.3) name = `${name} ${form}`;
    else if (form && r < 0.5) name = `${form} ${name}`;
    else if (form && r < 0.55) name = `${name} ${form.split('').join('.')}.`;
    else if (!form && r < 0.05) name = `${name} SARL`;
    if (chance(0.08)) name = `${pick(['Ets', 'Établissements', 'Société', 'Sté', 'Ste', 'Groupe'])} ${name}`;
    const c = rnd();
    if (c < 0.3) name = name.toUpperCase();
    else if (c < 0.4) name = name.toLowerCase();
    if (chance(0.3)) name = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (chance(0.05)) name = `${name}.`;
    if (chance(0.05)) name = ` ${name}  `;
    return name;
  };

  const addressVariant = (s: Establishment['street']): string => {
    const type = pick(s.type);
    let street = s.name;
    if (chance(0.05)) street = typo(street);
    const num = chance(0.9) ? `${s.number}${chance(0.05) ? ' bis' : ''} ` : '';
    let a = `${num}${type} ${street}`;
    if (chance(0.25)) a = a.toUpperCase();
    if (chance(0.2)) a = a.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return a;
  };

  const nafVariant = (naf: string): string =>
    pick([naf, `${naf.slice(0, 2)}.${naf.slice(2)}`, `${naf.slice(0, 4)} ${naf[4].toLowerCase()}`, naf.toLowerCase()]);

  for (const est of establishments) {
    const local = siaeByDep.get(est.commune.department) ?? siae;
    const chosen = new Set<string>();
    for (let k = 0; k < est.knownBy; k++) {
      const pool = chance(0.9) ? local : siae;
      let s = pick(pool);
      for (let tries = 0; tries < 5 && chosen.has(s.siaeId); tries++) s = pick(pool);
      chosen.add(s.siaeId);
      emit(est, s.siaeId);
      if (chance(profile.withinSiaeDuplicate)) emit(est, s.siaeId);
    }
  }
  // records in the order an export would give them, not grouped by company
  const order = records.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { siae, records: order.map((i) => records[i]), truth: order.map((i) => truth[i]), contactsTruth };
}
