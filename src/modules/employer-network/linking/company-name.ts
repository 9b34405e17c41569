import { fold } from './text';

/**
 * Legal forms and the words that only say "a company": SIAE write them, drop them or move them at will, so they never
 * count as evidence. Multi-word forms are removed before tokenising.
 */
const LEGAL_FORM_PHRASES = [
  'societe par actions simplifiee unipersonnelle',
  'societe par actions simplifiee',
  'societe a responsabilite limitee',
  'entreprise unipersonnelle a responsabilite limitee',
  'societe anonyme',
  'societe cooperative ouvriere de production',
  'societe cooperative et participative',
  'societe cooperative d interet collectif',
  'societe civile immobiliere',
  'societe en nom collectif',
  'entreprise individuelle',
  'micro entreprise',
  'auto entrepreneur',
  'auto entreprise',
];

const LEGAL_FORMS = new Set([
  'sarl',
  'sas',
  'sasu',
  'eurl',
  'sa',
  'sci',
  'scop',
  'scic',
  'snc',
  'selarl',
  'selas',
  'selafa',
  'sca',
  'scs',
  'gie',
  'gaec',
  'earl',
  'eirl',
  'ei',
  'sem',
  'spl',
  'scea',
  'sarlu',
  'association',
  'asso',
  'assoc',
  'ass',
  'ltd',
  'inc',
  'gmbh',
  'llc',
  'sl',
  'srl',
  'cooperative',
  'coop',
  'sccv',
  'scp',
  'sep',
]);

/** "a company" words: Ets Martin, Société Martin, Groupe Martin and Martin are the same establishment. */
const GENERIC = new Set([
  'societe',
  'ste',
  'etablissements',
  'etablissement',
  'ets',
  'etab',
  'etabl',
  'compagnie',
  'cie',
  'groupe',
  'group',
  'entreprise',
  'entreprises',
  'ent',
  'ese',
  'entr',
  'maison',
]);

const STOP = new Set([
  'le',
  'la',
  'les',
  'l',
  'de',
  'du',
  'des',
  'd',
  'et',
  'a',
  'au',
  'aux',
  'en',
  'sur',
  'sous',
  'par',
  'pour',
  'the',
  'and',
  'of',
  'un',
  'une',
  'chez',
  'y',
]);

/** Abbreviations a chargé·e de développement types, mapped to the word they stand for (after folding). */
const ABBREVIATIONS: Record<string, string> = {
  st: 'saint',
  sts: 'saints',
  bd: 'boulevard',
  av: 'avenue',
  transp: 'transport',
  trans: 'transport',
  tpt: 'transport',
  tpts: 'transport',
  transpt: 'transport',
  serv: 'service',
  svc: 'service',
  svces: 'service',
  nett: 'nettoyage',
  menuis: 'menuiserie',
  boulang: 'boulangerie',
  restau: 'restaurant',
  resto: 'restaurant',
  rest: 'restaurant',
  intl: 'international',
  internat: 'international',
  dist: 'distribution',
  distrib: 'distribution',
  ind: 'industrie',
  indus: 'industrie',
  elec: 'electricite',
  electr: 'electricite',
  mecan: 'mecanique',
  meca: 'mecanique',
  cial: 'commercial',
  gal: 'general',
  gd: 'grand',
  gde: 'grande',
  gds: 'grands',
  fr: 'france',
  mr: 'monsieur',
  assainiss: 'assainissement',
  batim: 'batiment',
  bat: 'batiment',
  constr: 'construction',
  amgt: 'amenagement',
  amenag: 'amenagement',
  equip: 'equipement',
  log: 'logistique',
  logist: 'logistique',
  plomb: 'plomberie',
  peint: 'peinture',
  maconn: 'maconnerie',
  mac: 'maconnerie',
  couv: 'couverture',
  trav: 'travaux',
  tx: 'travaux',
  pub: 'public',
  pubs: 'public',
  frs: 'frere',
  fres: 'frere',
  hab: 'habitat',
  env: 'environnement',
  environ: 'environnement',
  dev: 'developpement',
  devt: 'developpement',
  reg: 'regional',
  nat: 'national',
  natl: 'national',
  agri: 'agricole',
  pharm: 'pharmacie',
  pharma: 'pharmacie',
  superm: 'supermarche',
  hyper: 'hypermarche',
  mag: 'magasin',
  mgs: 'magasin',
  ctre: 'centre',
  cte: 'centre',
  tp: 'travaux public',
  btp: 'batiment travaux public',
};

export interface NormalisedName {
  /** Distinctive tokens, in order, folded, singular, abbreviations expanded, legal forms and generic words removed. */
  tokens: string[];
  /** Tokens concatenated: "Bati-Concept" and "Baticoncept" meet here. */
  compact: string;
  /** Initials of the words (with and without "Société", "Ets"…) when there are 3 or more, to meet acronyms ("SMTP"). */
  initials: string[];
}

/** Light French plural folding: "transports" → "transport", "bureaux" → "bureau"; short words are left alone. */
function singular(token: string): string {
  if (token.length <= 3) return token;
  if (token.endsWith('aux') && token.length > 5) return token.slice(0, -3) + 'al';
  if (token.endsWith('eaux')) return token.slice(0, -1);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is'))
    return token.slice(0, -1);
  return token;
}

export function normaliseCompanyName(raw: string | null | undefined): NormalisedName {
  let s = fold(raw ?? '');
  // "S.A.R.L." → "sarl", "E.U.R.L" → "eurl": dotted acronyms collapse before punctuation becomes spaces.
  s = s.replace(/\b(?:[a-z0-9]\.){2,}[a-z0-9]?\.?/g, (m) => m.replace(/\./g, '') + ' ');
  s = s.replace(/&/g, ' et ').replace(/\+/g, ' et ');
  s = s.replace(/\b([ldj]|qu)['’`´]/g, '$1 ');
  s = s.replace(/[^a-z0-9]+/g, ' ').trim();
  for (const phrase of LEGAL_FORM_PHRASES) {
    if (s.includes(phrase)) s = s.replace(new RegExp(`\\b${phrase}\\b`, 'g'), ' ');
  }
  const words = s.split(' ').filter(Boolean);
  const tokens: string[] = [];
  const initialsAll: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    // "Ste" opens a name as "Société" and otherwise means "Sainte" (Ste-Foy).
    if (w === 'ste' && i > 0 && tokens.length > 0) w = 'sainte';
    if (LEGAL_FORMS.has(w) || STOP.has(w)) continue;
    initialsAll.push(w[0]);
    if (GENERIC.has(w)) continue;
    for (const part of (ABBREVIATIONS[w] ?? w).split(' ')) tokens.push(singular(part));
  }
  // A name made only of generic words ("Société Générale" minus "société" keeps "generale"; "Le Groupe" keeps nothing):
  // fall back to every word so that the record is still comparable.
  if (tokens.length === 0) for (const w of words) if (!STOP.has(w)) tokens.push(singular(w));
  const compact = tokens.join('');
  const initials: string[] = [];
  if (tokens.length >= 3) initials.push(tokens.map((t) => t[0]).join(''));
  if (initialsAll.length >= 3 && initialsAll.length !== tokens.length) initials.push(initialsAll.join(''));
  return { tokens, compact, initials };
}
