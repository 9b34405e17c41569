import { fold } from './text';

const STREET_TYPES: Record<string, string> = {
  rue: 'rue',
  r: 'rue',
  avenue: 'avenue',
  av: 'avenue',
  ave: 'avenue',
  avn: 'avenue',
  boulevard: 'boulevard',
  bd: 'boulevard',
  bld: 'boulevard',
  blvd: 'boulevard',
  bvd: 'boulevard',
  chemin: 'chemin',
  ch: 'chemin',
  chem: 'chemin',
  che: 'chemin',
  route: 'route',
  rte: 'route',
  allee: 'allee',
  all: 'allee',
  impasse: 'impasse',
  imp: 'impasse',
  place: 'place',
  pl: 'place',
  quai: 'quai',
  q: 'quai',
  cours: 'cours',
  crs: 'cours',
  square: 'square',
  sq: 'square',
  passage: 'passage',
  pass: 'passage',
  faubourg: 'faubourg',
  fbg: 'faubourg',
  fg: 'faubourg',
  zone: 'zone',
  zi: 'zone',
  za: 'zone',
  zac: 'zone',
  parc: 'parc',
  lieu: 'lieu',
  lieudit: 'lieu',
  ld: 'lieu',
  rond: 'rond',
  point: 'point',
  rpt: 'rond',
  voie: 'voie',
  sentier: 'sentier',
  montee: 'montee',
  mte: 'montee',
  promenade: 'promenade',
  prom: 'promenade',
  residence: 'residence',
  res: 'residence',
  hameau: 'hameau',
  ham: 'hameau',
  cite: 'cite',
  esplanade: 'esplanade',
  industrielle: 'zone',
  artisanale: 'zone',
  activite: 'zone',
  activites: 'zone',
  commerciale: 'zone',
};
const NOISE = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'a',
  'au',
  'aux',
  'et',
  'bis',
  'ter',
  'b',
  'c',
  'bp',
  'cs',
  'cedex',
  'batiment',
  'bat',
  'etage',
  'lot',
  'local',
  'zone',
]);
const ABBREV: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  gal: 'general',
  gen: 'general',
  mal: 'marechal',
  pdt: 'president',
  pres: 'president',
  dr: 'docteur',
  prof: 'professeur',
  cdt: 'commandant',
  lt: 'lieutenant',
  jj: 'jean jacques',
  jb: 'jean baptiste',
  fr: 'france',
  rep: 'republique',
};

export interface NormalisedAddress {
  number: string | null;
  /** Street name words without the street type ("av. de Grande Bretagne" → ["grande", "bretagne"]). */
  words: string[];
  /** Words glued, to forgive a misplaced space. */
  compact: string;
  /** Set by the linking engine: same id ⇔ same number and words. */
  addressId?: number;
}

export function normaliseAddress(raw: string | null | undefined): NormalisedAddress | null {
  if (!raw) return null;
  const s = fold(raw)
    .replace(/['’`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!s) return null;
  const parts = s.split(' ');
  let number: string | null = null;
  const words: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) {
      // the street number comes first; later numbers are postcodes, BP, floors
      if (number === null && words.length === 0) number = String(Number(p));
      continue;
    }
    const m = /^(\d+)(bis|ter|b|t)$/.exec(p);
    if (m) {
      if (number === null && words.length === 0) number = String(Number(m[1]));
      continue;
    }
    if (STREET_TYPES[p] || NOISE.has(p)) continue;
    const expanded = ABBREV[p];
    if (expanded) words.push(...expanded.split(' '));
    else words.push(p);
  }
  if (words.length === 0 && number === null) return null;
  return { number, words, compact: words.join('') };
}
