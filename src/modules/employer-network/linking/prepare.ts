import { normaliseAddress, NormalisedAddress } from './address';
import { cityOf, distanceKm, LatLon } from './commune';
import { NormalisedName, normaliseCompanyName, TOWN_BODIES } from './company-name';
import { normaliseEmail, toE164 } from './phone';
import { isValidSiren, readSiret } from './siret';
import { TokenTable, WeightedName } from './similarity';
import { digitsOnly, editDistance } from './text';
import { CommuneLocation, LinkableRecord, LinkStatistics } from './types';

/** A record read once into what the comparisons need. */
export interface PreparedRecord {
  index: number;
  recordId: string;
  siaeId: string;
  name: WeightedName;
  siret: string | null;
  siretValid: boolean;
  /** This SIRET is typed for records at two addresses or in two towns: a head office's SIRET, not this site's. */
  siretShared: boolean;
  /**
   * This name designates several establishments in this city (resp. this exact commune or arrondissement): two
   * SIRETs or two addresses are known under it. Name and place then say nothing of the establishment (see scorePair).
   */
  multiSiteCity: boolean;
  multiSiteCommune: boolean;
  /**
   * No other record of this name in this commune, and the name is not seen at several sites of the department (two
   * communes each confirmed by two records, or two SIRETs of their own): a lone typing, maybe of the neighbouring town.
   */
  loneSpelling: boolean;
  /**
   * The name as typed carried a town's name that the comparisons leave out ("Proxi Super Albi", "Agence de Rodez
   * Neocom"): an SIAE names a chain's branch after its town, so such a record in another town than a cluster of the
   * same name is likelier another branch than a mistyped town (see attachStrays).
   */
  townInName: boolean;
  /** This name is known at several sites somewhere (two communes each confirmed by two records, or two SIRETs). */
  multiSiteName: boolean;
  /**
   * Without a commune: the one town, among those its postcode covers, where this name is known (null: none or several).
   * The record is then as good as placed there, and `multiSiteCity` says whether that town has several sites of it.
   */
  postcodeSite: string | null;
  siren: string | null;
  commune: string | null;
  /** Without a commune: the communes its postcode designates (several towns, so none could be chosen). */
  postcodeCommunes: string[] | null;
  /** Their centroids, when known: how far the record can be from another. */
  postcodeCoords: LatLon[] | null;
  city: string | null;
  coords: LatLon | null;
  address: NormalisedAddress | null;
  naf: string | null;
  emails: string[];
  phones: string[];
  /** Non-webmail e-mail domains of the contacts: a company-level hint (same firm, maybe another establishment). */
  domains: string[];
  /** Phones and company e-mails as interned numbers, and domains likewise: compared millions of times. */
  contactIds: number[];
  domainIds: number[];
  /**
   * Personal webmail addresses, interned: "jean.martin@gmail.com" is also the address of a namesake at another firm,
   * so sharing one says little without other evidence (see factPoints).
   */
  webmailIds: number[];
}

const WEBMAIL = new Set([
  'gmail.com',
  'yahoo.fr',
  'yahoo.com',
  'hotmail.fr',
  'hotmail.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'icloud.com',
  'neuf.fr',
  'bbox.fr',
  'aol.com',
  'msn.com',
  'gmx.fr',
  'protonmail.com',
  'club-internet.fr',
  'numericable.fr',
]);

/** "49.41A", "4941 a", "4941A" → "4941A"; anything else is unknown. */
export function normaliseNaf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return /^\d{4}[A-Z]$/.test(s) ? s : null;
}

export function prepareRecords(
  records: readonly LinkableRecord[],
  table: TokenTable,
  communes?: ReadonlyMap<string, CommuneLocation>,
  statistics?: LinkStatistics,
): PreparedRecord[] {
  const postcodeToCommunes = new Map<string, string[]>();
  if (communes) {
    for (const [code, c] of communes) {
      for (const pc of c.postcodes ?? []) {
        let list = postcodeToCommunes.get(pc);
        if (!list) postcodeToCommunes.set(pc, (list = []));
        list.push(code);
      }
    }
  }
  const townWords = new Map<string, Set<string>>();
  const wordsOfTown = (code: string | null): Set<string> | null => {
    if (!code || !communes) return null;
    let set = townWords.get(code);
    if (!set) {
      set = new Set<string>();
      for (const c of new Set([code, cityOf(code)])) {
        const name = c ? communes.get(c)?.name : undefined;
        if (!name) continue;
        // through the same normalisation as company names, so that "Brens" meets "brens" after plural folding
        for (const w of normaliseCompanyName(name).tokens) if (w.length > 2 && !/^\d+(er|e)?$/.test(w)) set.add(w);
      }
      townWords.set(code, set);
    }
    return set;
  };
  const communeOf = records.map((r) => resolveCommune(r, communes, postcodeToCommunes));
  const townsByName = new Map<string, string[]>();
  if (communes) {
    for (const [code, c] of communes) {
      if (!c.name) continue;
      const key = normaliseCompanyName(c.name.replace(/ \d+(er|e)$/, '')).tokens.join(' ');
      (townsByName.get(key) ?? townsByName.set(key, []).get(key)!).push(code);
    }
  }
  // "Masson et Associés Saint-Didier-de-la-Tour" typed with the neighbouring commune: the town at the end of a name
  // is dropped when it is a commune near the one typed (without a commune: near a town of its postcode; without a
  // postcode either: a long town name, two words left).
  const nearbyTownSuffix = (name: NormalisedName, code: string | null, postcode: string | null): NormalisedName => {
    if (!communes || name.tokens.length < 2 || TOWN_BODIES.has(name.tokens[0])) return name;
    const codes = code ? [code] : postcode ? (postcodeToCommunes.get(postcode) ?? []) : [];
    const heres = codes.map((c) => communes.get(c) ?? communes.get(cityOf(c) ?? '')).filter((c) => c !== undefined);
    // without any place: only a long town name, and two words left ("Renault Ferreira Moussoulens")
    const placeless = !code && !postcode;
    if (heres.length === 0 && !placeless) return name;
    const near = (towns: string[] | undefined) =>
      towns?.some((t) => {
        const c = communes.get(t);
        return c !== undefined && heres.some((here) => distanceKm(c, here) <= 20);
      }) ?? false;
    // "Agence Nouilhan Hotel Benhamou" typed with the next commune: the town after "agence" goes the same way
    const at = name.agencyAt;
    if (at !== undefined)
      for (let k = Math.min(5, name.tokens.length - at - 1); k >= 1; k--)
        if (near(townsByName.get(name.tokens.slice(at, at + k).join(' ')))) {
          const kept = [...name.tokens.slice(0, at), ...name.tokens.slice(at + k)];
          return { tokens: kept, compact: kept.join(''), initials: name.initials };
        }
    for (let k = Math.min(4, name.tokens.length - 1); k >= 1; k--) {
      const suffix = name.tokens.slice(-k).join(' ');
      const towns = townsByName.get(suffix);
      if (placeless && towns && name.tokens.length - k >= 2 && (k >= 2 || suffix.length >= 8)) {
        const kept = name.tokens.slice(0, -k);
        return { tokens: kept, compact: kept.join(''), initials: name.initials };
      }
      if (near(towns)) {
        const kept = name.tokens.slice(0, -k);
        return { tokens: kept, compact: kept.join(''), initials: name.initials };
      }
    }
    return name;
  };
  // A branch named after its town ("Proxi Marché Villeurbanne") is the same name as the others in that town.
  // A town hall, a CCAS, an MDS… is named after its town: the town word stays, and is added when not typed ("Mairie"
  // in Tulle is "Mairie de Tulle"), so that both sides of a pair are read alike whether the commune was given or not.
  const townName = (code: string | null): string[] => {
    const c = code ? (communes?.get(code) ?? communes?.get(cityOf(code) ?? '')) : undefined;
    return c?.name ? normaliseCompanyName(c.name.replace(/ \d+(er|e)$/, '')).tokens : [];
  };
  const rawNames = records.map((r) => normaliseCompanyName(r.name));
  /** Where a name may name a town: after "agence" (up to five words), or a town's long name ending a longer name. */
  const townSpan = (name: NormalisedName): [number, number] | null => {
    const t = name.tokens;
    const at = name.agencyAt;
    if (at !== undefined) {
      for (let k = Math.min(5, t.length - at); k >= 1; k--)
        if (townsByName.has(t.slice(at, at + k).join(' '))) return [at, k];
      return null;
    }
    if (t.length < 3 || TOWN_BODIES.has(t[0])) return null;
    for (let k = Math.min(4, t.length - 2); k >= 1; k--) {
      const suffix = t.slice(-k).join(' ');
      if (townsByName.has(suffix) && (k >= 2 || suffix.length >= 8)) return [t.length - k, k];
    }
    return null;
  };
  // "Agence Brive Netmarket", "Renault Ferreira Moussoulens" without a commune: the town named places the record (the
  // one town of that name, or the one within reach of its postcode's towns), as a typed commune would; its words then
  // leave the name as the commune's own do (withoutTown). Several towns of that name: left unplaced.
  if (communes)
    records.forEach((r, i) => {
      if (communeOf[i] !== null) return;
      const span = townSpan(rawNames[i]);
      if (!span) return;
      const towns = townsByName.get(rawNames[i].tokens.slice(span[0], span[0] + span[1]).join(' '))!;
      const near = r.postcode ? (postcodeToCommunes.get(digitsOnly(r.postcode)) ?? []) : null;
      const fit = near
        ? towns.filter((t) =>
            near.some((n) => {
              const [x, y] = [communes.get(t), communes.get(n)];
              return x !== undefined && y !== undefined && distanceKm(x, y) <= 20;
            }),
          )
        : towns;
      if (fit.length === 1) communeOf[i] = fit[0];
    });
  const names = records.map((r, i) => {
    const name = rawNames[i];
    if (TOWN_BODIES.has(name.tokens[0])) return withTown(name, townName(communeOf[i]));
    const postcode = r.postcode ? digitsOnly(r.postcode) : null;
    return nearbyTownSuffix(withoutTown(name, wordsOfTown(communeOf[i])), communeOf[i], postcode);
  });
  // Document frequency over the set itself: a word is as telling as it is rare among these companies.
  const df = new Map<string, number>();
  for (const n of names) for (const t of new Set(n.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  // given statistics (fixed between runs) replace the set's own
  const frequency = statistics?.documentFrequency ?? df;
  const total = (statistics?.records ?? records.length) + 1;

  const interned = new Map<string, number>();
  const intern = (v: string) => {
    let id = interned.get(v);
    if (id === undefined) interned.set(v, (id = interned.size));
    return id;
  };
  return records.map((r, index) => {
    const n = names[index];
    const weights = n.tokens.map((t) => Math.log(total / (frequency.get(t) ?? 1)) + 1);
    const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0));
    const ids = readSiret(r.siret, r.siren);
    let siren = ids.siren;
    // A mistyped NIC leaves a valid SIREN in front: keep it as company-level evidence.
    if (!siren && ids.siret && isValidSiren(ids.siret.slice(0, 9))) siren = ids.siret.slice(0, 9);
    const commune = communeOf[index];
    const postcodeCommunes =
      commune === null && r.postcode ? (postcodeToCommunes.get(digitsOnly(r.postcode)) ?? null) : null;
    const city = cityOf(commune);
    const loc = (commune && communes?.get(commune)) || (city && communes?.get(city)) || null;
    const emails: string[] = [];
    const phones: string[] = [];
    const domains = new Set<string>();
    const webmails: string[] = [];
    for (const c of r.contacts ?? []) {
      const e = normaliseEmail(c.email);
      if (e) {
        emails.push(e);
        const domain = e.slice(e.indexOf('@') + 1);
        if (!WEBMAIL.has(domain)) domains.add(domain);
        else webmails.push(e);
      }
      const p = toE164(c.phone);
      if (p) phones.push(p);
    }
    return {
      index,
      recordId: r.recordId,
      siaeId: r.siaeId,
      name: {
        tokens: n.tokens,
        ids: n.tokens.map((t) => table.id(t)),
        weights,
        norm,
        compact: n.compact,
        initials: n.initials,
        nameId: table.keyId(`n${n.tokens.join(' ')}|${n.initials.join(' ')}`),
      },
      siret: ids.siret,
      siretValid: ids.siretValid,
      siretShared: false,
      multiSiteCity: false,
      multiSiteCommune: false,
      loneSpelling: false,
      townInName: n.tokens.length < rawNames[index].tokens.length && !TOWN_BODIES.has(rawNames[index].tokens[0]),
      multiSiteName: false,
      postcodeSite: null,
      siren,
      commune,
      postcodeCommunes,
      postcodeCoords: postcodeCoordsOf(postcodeCommunes, communes),
      city,
      coords: loc ? { lat: loc.lat, lon: loc.lon } : null,
      address: withId(normaliseAddress(r.address), table),
      naf: normaliseNaf(r.naf),
      emails,
      phones,
      domains: [...domains],
      contactIds: [
        ...emails.filter((e) => !webmails.includes(e)).map((e) => intern(`e${e}`)),
        ...phones.map((p) => intern(`p${p}`)),
      ],
      domainIds: [...domains].map((d) => intern(`d${d}`)),
      webmailIds: webmails.map((e) => intern(`e${e}`)),
    };
  });
}

function postcodeCoordsOf(codes: string[] | null, communes?: ReadonlyMap<string, CommuneLocation>): LatLon[] | null {
  if (!codes || !communes) return null;
  const coords: LatLon[] = [];
  for (const code of codes) {
    const c = communes.get(code);
    if (c) coords.push({ lat: c.lat, lon: c.lon });
  }
  return coords.length ? coords : null;
}

/** The commune typed, else the one its postcode designates without doubt. */
function resolveCommune(
  r: LinkableRecord,
  communes: ReadonlyMap<string, CommuneLocation> | undefined,
  postcodeToCommunes: Map<string, string[]>,
): string | null {
  const typed = r.communeInsee?.trim() || null;
  if (typed || !r.postcode) return typed;
  const list = postcodeToCommunes.get(digitsOnly(r.postcode));
  if (!list || list.length === 0) return null;
  if (list.length === 1) return list[0];
  const cities = new Set(list.map(cityOf));
  return cities.size === 1 ? [...cities][0] : null;
}

/** A public body's name with no word but its kind ("Mairie", "CCAS – Service RH") gets its commune's name. */
function withTown(name: NormalisedName, town: string[]): NormalisedName {
  if (name.tokens.length > 1 || town.length === 0) return name;
  const tokens = [...name.tokens, ...town];
  return { tokens, compact: tokens.join(''), initials: name.initials };
}

function withoutTown(name: NormalisedName, town: Set<string> | null): NormalisedName {
  if (!town || town.size === 0) return name;
  const kept = name.tokens.filter((t) => !isTownWord(t, town));
  if (kept.length === 0 || kept.length === name.tokens.length) return name;
  return { tokens: kept, compact: kept.join(''), initials: name.initials };
}

/** The town's own word, or it mistyped by one slip ("Corbeill" for Corbeil) when long enough not to be another word. */
function isTownWord(token: string, town: Set<string>): boolean {
  if (town.has(token)) return true;
  if (token.length < 5) return false;
  for (const w of town) if (w.length >= 5 && editDistance(token, w, 1) <= 1) return true;
  return false;
}

function withId(address: NormalisedAddress | null, table: TokenTable): NormalisedAddress | null {
  if (address) address.addressId = table.keyId(`a${address.number ?? ''}|${address.words.join(' ')}`);
  return address;
}
