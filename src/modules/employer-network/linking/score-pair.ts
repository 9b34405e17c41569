import { NormalisedAddress } from './address';
import { LatLon } from './commune';

import { PreparedRecord } from './prepare';
import { nameSimilarity, TokenTable, tokenSimilarity } from './similarity';
import { siretTypoOf, zeroNineSwapOf } from './siret';
import { editDistance } from './text';

/**
 * Beyond this distance two records are never one establishment when the name is known at several sites (a chain, the
 * CCAS of every town); beyond STRAY_KM, never at all. In between the distance costs (placePoints).
 */
export const FAR_KM = 20;
const STRAY_KM = 30;
/** Communes this close are neighbours: the one an SIAE may type for the other. */
const NEIGHBOUR_KM = 10;
/** Score meaning "never together": a human split, or two places too far apart. */
export const HARD_NO = -1000;
/** What name + place may bring at most under a multi-site name. */
const MULTI_SITE_CAP = 1;

const NAME_X = [0, 0.5, 0.7, 0.85, 1];
const NAME_Y = [-6, -3, 0, 2, 4];

/** Piecewise-linear map of the name similarity to log-odds-like points. */
export function namePoints(sim: number): number {
  for (let i = 1; i < NAME_X.length; i++) {
    if (sim <= NAME_X[i])
      return NAME_Y[i - 1] + ((sim - NAME_X[i - 1]) * (NAME_Y[i] - NAME_Y[i - 1])) / (NAME_X[i] - NAME_X[i - 1]);
  }
  return NAME_Y[NAME_Y.length - 1];
}

/** Equirectangular distance: within a few tens of kilometres it is the great-circle distance to a few metres. */
function approxKm(a: PreparedRecord, b: PreparedRecord): number {
  return kmBetween(a.coords!, b.coords!);
}

function kmBetween(a: LatLon, b: LatLon): number {
  const dy = a.lat - b.lat;
  const dx = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) * Math.PI) / 360);
  return 111.195 * Math.sqrt(dx * dx + dy * dy);
}

/** No town of the postcode (resp. of either postcode) within reach of the other record's place. */
function postcodeFar(unplaced: PreparedRecord, other: PreparedRecord): boolean {
  if (!unplaced.postcodeCoords) return false;
  const theirs = other.coords ? [other.coords] : other.postcodeCoords;
  if (!theirs) return false;
  for (const x of unplaced.postcodeCoords) for (const y of theirs) if (kmBetween(x, y) <= FAR_KM) return false;
  return true;
}

function placePoints(a: PreparedRecord, b: PreparedRecord): number {
  if (!a.commune || !b.commune) {
    // no commune, but a postcode that covers the other's: as good as a commune written at city level
    const [unplaced, placed] = a.commune ? [b, a] : [a, b];
    if (placed.commune && unplaced.postcodeCommunes?.some((c) => c === placed.commune || c === placed.city)) return 0.5;
    // a postcode whose towns are all too far from the other's place says another town, as a commune would
    if (postcodeFar(unplaced, placed)) return HARD_NO;
    return -0.5;
  }
  if (a.commune === b.commune) return 1;
  if (a.city && a.city === b.city) {
    // the same city written twice at arrondissement level, differently: two establishments
    return a.commune !== a.city && b.commune !== b.city ? -2.5 : 0.5;
  }
  if (a.coords && b.coords) {
    const d = approxKm(a, b);
    if (d > STRAY_KM || (d > FAR_KM && (a.multiSiteName || b.multiSiteName))) return HARD_NO;
    // A name written once in a town and known in the next one, with no sign of a second site anywhere around: the
    // neighbouring commune typed instead of the right one says no more than a missing commune. Farther (a town typed
    // where the SIAE met the employer), the distance costs, unless either name is known at several sites: a chain's
    // branch there is likelier than a stray.
    const lone = a.loneSpelling || b.loneSpelling;
    if (lone && d <= NEIGHBOUR_KM) return -0.5;
    if (lone && !a.multiSiteName && !b.multiSiteName) return d <= FAR_KM ? -1 : -1.5;
    return d <= 5 ? -1.5 : d <= FAR_KM ? -3 : -4.5;
  }
  return -3;
}

/** Street words are short and often mistyped ("Jea nMoulin"): one slip is allowed from three letters, glued or not. */
function streetWordSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  if (Math.min(x.length, y.length) >= 3 && editDistance(x, y, 1) <= 1) return 0.9;
  return tokenSimilarity(x, y);
}

function streetSimilarity(a: NormalisedAddress, b: NormalisedAddress): number {
  if (a.words.length === 0 || b.words.length === 0) return 0;
  if (a.compact === b.compact) return 1;
  const longest = Math.max(a.compact.length, b.compact.length);
  if (longest >= 6 && editDistance(a.compact, b.compact, 2) <= 2) return 0.9;
  let matched = 0;
  for (const x of a.words) {
    let best = 0;
    for (const y of b.words) best = Math.max(best, streetWordSimilarity(x, y));
    matched += best;
  }
  for (const y of b.words) {
    let best = 0;
    for (const x of a.words) best = Math.max(best, streetWordSimilarity(x, y));
    matched += best;
  }
  return matched / (a.words.length + b.words.length);
}

/** An establishment has one address: two clearly different streets in one town are two establishments. */
export function addressPoints(a: NormalisedAddress | null, b: NormalisedAddress | null, table?: TokenTable): number {
  if (!a || !b || a.words.length === 0 || b.words.length === 0) return 0;
  if (!table || a.addressId === undefined || b.addressId === undefined) return computeAddressPoints(a, b);
  if (a.addressId === b.addressId) return 2;
  const key = a.addressId < b.addressId ? a.addressId * 4194304 + b.addressId : b.addressId * 4194304 + a.addressId;
  let points = table.addressMemo.get(key);
  if (points === undefined) table.addressMemo.set(key, (points = computeAddressPoints(a, b)));
  return points;
}

function computeAddressPoints(a: NormalisedAddress, b: NormalisedAddress): number {
  const street = streetSimilarity(a, b);
  const numbersAgree = a.number === null || b.number === null || a.number === b.number;
  if (street >= 0.8) return numbersAgree ? 2 : -2;
  if (street < 0.5) return -4;
  return numbersAgree ? 0 : -2;
}

/**
 * A SIRET names an establishment, except when an SIAE typed the head office's SIRET for a branch: a SIRET seen at two
 * addresses or in two towns (`siretShared`) only says "same company", as does the same SIRET in two towns.
 */
function identifierPoints(a: PreparedRecord, b: PreparedRecord, samePlace: boolean, nearKm: number): number {
  if (a.siret && b.siret) {
    if (a.siret === b.siret) {
      // one of them typed elsewhere than most records of this SIRET: it only says "same company"
      if (a.siretShared || b.siretShared) return samePlace ? 1.5 : 1;
      if (!samePlace) return nearKm <= 5 ? 2 : 1;
      return a.siretValid ? 5 : 4;
    }
    if (a.siretValid && b.siretValid && !zeroNineSwapOf(a.siret, b.siret)) {
      if (a.siren !== b.siren) return -8;
      return a.siretShared || b.siretShared ? -1 : -3;
    }
    if (siretTypoOf(a.siret, b.siret)) return samePlace ? 3 : 1;
    // one is mistyped: if the SIREN parts are (nearly) equal, the NICs name two establishments of one company
    if (
      a.siret.slice(0, 9) === b.siret.slice(0, 9) ||
      siretTypoOf(a.siret.slice(0, 9) + '00000', b.siret.slice(0, 9) + '00000')
    )
      return -2;
  }
  if (a.siren && b.siren) return a.siren === b.siren ? 0.5 : -6;
  return 0;
}

function sharesAny(a: number[], b: number[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/**
 * Evidence that two records describe one establishment, as a sum of log-odds-like points: the name (soft TF-IDF), the
 * place (commune, city, distance), the identifiers (SIRET, SIREN, typos), the street address, shared contacts, the NAF
 * code, and whether one SIAE wrote both (an SIAE rarely enters an establishment twice, but often two agencies of a
 * chain). Pure and symmetric.
 */
export function scorePair(a: PreparedRecord, b: PreparedRecord, table: TokenTable): number {
  const facts = factPoints(a, b, table);
  if (facts.total === HARD_NO) return HARD_NO;
  // Strong identity (its own SIRET in one town, or the same street address and a shared contact) is the establishment,
  // however badly the name was typed. So is one person's e-mail or phone in one town ("Gargea Masson" / "Garage
  // Masson"): the name may then fail to help, not speak against.
  const contactHere = facts.sharedContact && facts.place >= 0.5;
  const nameFloor = contactHere ? 0 : facts.identity >= 4 ? -1 : facts.identity >= 2 ? -3 : -Infinity;
  let nameAndPlace = facts.place + Math.max(nameFloor, namePoints(nameSimilarity(a.name, b.name, table)));
  // Under a name that several establishments of this place share, name and place identify the company, not the site:
  // the SIRET, the address or a shared contact must decide.
  // A record without a commune, under a name known at several sites, cannot be told which site by its name either,
  // unless its postcode covers only one town of that name: the other's (then the sites of that town count).
  const unplaced = !a.commune || !b.commune;
  const siteA = a.commune ? a.city : a.postcodeSite;
  const samePostcodeSite = unplaced && siteA !== null && siteA === (b.commune ? b.city : b.postcodeSite);
  const multiSite = unplaced
    ? samePostcodeSite
      ? a.multiSiteCity || b.multiSiteCity
      : a.multiSiteName || b.multiSiteName
    : a.commune === b.commune
      ? a.multiSiteCommune || b.multiSiteCommune
      : a.multiSiteCity || b.multiSiteCity;
  if (multiSite && nameAndPlace > MULTI_SITE_CAP) nameAndPlace = MULTI_SITE_CAP;
  return nameAndPlace + facts.total - facts.place;
}

export interface Facts {
  /** Everything but the name. HARD_NO when the places are too far apart. */
  total: number;
  place: number;
  /** Positive establishment-level evidence: own SIRET, same street address, a shared contact. */
  identity: number;
  /** One e-mail or phone (normalised) on both records. */
  sharedContact: boolean;
  /** The parts of `total` (for explanations): identifiers, street address, contacts. */
  ids?: number;
  address?: number;
  contact?: number;
}

/** The evidence other than the name: what tells two sites of one company apart. */
export function factPoints(a: PreparedRecord, b: PreparedRecord, table: TokenTable): Facts {
  const place = placePoints(a, b);
  if (place === HARD_NO) return { total: HARD_NO, place, identity: 0, sharedContact: false };
  const samePlace = a.city === null || b.city === null || a.city === b.city;
  const km = samePlace || !a.coords || !b.coords ? 0 : approxKm(a, b);
  const ids = identifierPoints(a, b, samePlace, km);
  const address = addressPoints(a.address, b.address, table);
  let contact = 0;
  if (a.contactIds.length && b.contactIds.length && sharesAny(a.contactIds, b.contactIds)) contact = 2.5;
  else if (a.domainIds.length && b.domainIds.length && sharesAny(a.domainIds, b.domainIds)) contact = 1;
  // a personal webmail is also a namesake's at another firm: evidence only beside a name and a place that agree
  else if (a.webmailIds.length && b.webmailIds.length && sharesAny(a.webmailIds, b.webmailIds)) contact = 1;
  let total = place + ids + address + contact;
  if (a.naf && b.naf) total += a.naf === b.naf ? 0.5 : -1;
  if (a.siaeId === b.siaeId) total -= 2;
  const identity = Math.max(0, ids) + Math.max(0, address) + (contact > 1 ? contact : 0);
  return { total, place, identity, sharedContact: contact > 1, ids, address, contact };
}
