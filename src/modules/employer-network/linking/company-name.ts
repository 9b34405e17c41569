import { editDistance, fold } from './text';

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
  // "Netmarket agence de Brive", "Agence Brive Netmarket": the town is what tells the agency (see prepare.withoutTown)
  'agence',
]);

/**
 * Public bodies are written many ways: each usual form (folded, multi-word first) becomes one canonical word, so that
 * "Mairie de Tulle", "Commune de Tulle", "Hôtel de ville de Tulle" and "Ville de Tulle" are one name, as are "CCAS de
 * Tulle" / "Centre communal d'action sociale de Tulle", "MDS Tulle" / "Maison des solidarités de Tulle", "CH de Tulle" /
 * "Centre hospitalier de Tulle" / "Hôpital de Tulle", "CC du Pays de Tulle" / "Communauté de communes du Pays de
 * Tulle" / "Com Com Pays de Tulle", "EHPAD les Tilleuls" / "Maison de retraite les Tilleuls" / "Résidence les Tilleuls".
 * The town then stays in the name (prepare.ts): it is what tells two town halls apart.
 */
const PUBLIC_BODY_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['centre communal d action sociale', 'ccas'],
  ['centre intercommunal d action sociale', 'cias'],
  ['maison departementale des solidarites', 'mds'],
  ['maison departementale de la solidarite', 'mds'],
  ['maison des solidarites', 'mds'],
  ['maison de la solidarite', 'mds'],
  ['centre hospitalier universitaire', 'chu'],
  ['centre hospitalier', 'ch'],
  ['communaute de communes', 'cc'],
  ['communaute d agglomeration', 'ca'],
  ['com com', 'cc'],
  ['hotel de ville', 'commune'],
  ['ville de', 'commune'],
  ['maison de retraite', 'ehpad'],
  ['conseil departemental', 'departement'],
  ['conseil general', 'departement'],
];

/**
 * The forms above word by word. A form with two words of five letters or more is read with one slip in each of them
 * ("Centre communal d'action socile", "Hôtel de Visle"): two such words are enough to know the form. The others
 * ("ville de", "com com") must be typed right: "Villa de …" is not a town hall.
 */
const PUBLIC_BODY_FORMS = PUBLIC_BODY_PHRASES.map(([phrase, canonical]) => {
  const words = phrase.split(' ');
  return { words, canonical, slips: words.filter((w) => w.length >= 5).length >= 2 };
});

/** The public body forms of a name (plain words) replaced by their canonical words; the first of each form only. */
function readPublicForms(plain: string): string {
  const words = plain.split(' ').filter(Boolean);
  for (const { words: form, canonical, slips } of PUBLIC_BODY_FORMS) {
    const fits = (word: string, w: string) => word === w || (slips && w.length >= 5 && editDistance(word, w, 1) <= 1);
    for (let i = 0; i + form.length <= words.length; i++)
      if (form.every((w, k) => fits(words[i + k], w))) {
        words.splice(i, form.length, canonical);
        break;
      }
  }
  return words.join(' ');
}

const PUBLIC_BODY_WORDS: Record<string, string> = {
  mairie: 'commune',
  comcom: 'cc',
  cdc: 'cc',
  hopital: 'ch',
  chg: 'ch',
  agglo: 'ca',
  residence: 'ehpad',
};

/** Canonical words of public bodies named after their town: the town word is their identity. */
export const TOWN_BODIES = new Set(['commune', 'ccas', 'cias', 'mds', 'ch', 'chu', 'cc', 'ca']);
/** All canonical public-body words: two bodies of different kinds are two bodies, whatever else their names share. */
export const PUBLIC_BODIES = new Set([...TOWN_BODIES, 'ehpad', 'departement']);

/** First words of public bodies' names recognised with one slip (from four letters: "ccsa" is "ccas"). */
const MISTYPED_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['mairie', 'commune'],
  ['commune', 'commune'],
  ['ccas', 'ccas'],
  ['ehpad', 'ehpad'],
];

/** What a public body's name may hold, before canonical words replace them. */
const PUBLIC_HEADS = [
  ...PUBLIC_BODY_PHRASES.map(([p]) => p),
  ...Object.keys(PUBLIC_BODY_WORDS),
  ...PUBLIC_BODIES,
  'commune',
  'ville',
];

/**
 * A service after a dash or a comma ("Mairie de Tulle – Service RH", "Netmarket, Direction"): the employer is the
 * establishment, not its service. The words of such a tail, for any name; a public body's also lose these.
 */
const SERVICE_WORDS = new Set([
  'service',
  'services',
  'serv',
  'rh',
  'drh',
  'ressource',
  'ressources',
  'humaine',
  'humaines',
  'direction',
  'recrutement',
  'personnel',
  'administratif',
  'administration',
  'comptabilite',
  'atelier',
  'secretariat',
  'accueil',
  'pole',
  'technique',
  'techniques',
]);
const PUBLIC_SERVICE_WORDS = new Set([
  'espace',
  'espaces',
  'vert',
  'verts',
  'restauration',
  'scolaire',
  'entretien',
  'emploi',
  'insertion',
  'jeunesse',
  'cantine',
  'voirie',
  'sport',
  'sports',
  'culture',
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
  /** Where the words after "agence" begin in `tokens` ("Agence Brive Netmarket", "Netmarket agence de Brive"). */
  agencyAt?: number;
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

/** Punctuation to spaces, dotted acronyms collapsed ("S.A.R.L." → "sarl", "C.C.A.S" → "ccas"). */
function plainWords(folded: string): string {
  let s = folded.replace(/\b(?:[a-z0-9]\.){2,}[a-z0-9]?\.?/g, (m) => m.replace(/\./g, '') + ' ');
  s = s.replace(/&/g, ' et ').replace(/\+/g, ' et ');
  s = s.replace(/\b([ldj]|qu)['’`´]/g, '$1 ');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The name without the services written after a dash, a slash or a comma (see SERVICE_WORDS). */
function withoutServiceTail(folded: string): string {
  const parts = folded.split(/\s+[-–—/]\s+|\s*,\s*/);
  if (parts.length < 2) return folded;
  const head = plainWords(parts[0]);
  if (!head) return folded;
  const read = readPublicForms(head).split(' ');
  const kind = read.length >= 2 ? mistypedKind(read[0]) : undefined;
  const spaced = ` ${(kind ? [kind, ...read.slice(1)] : read).join(' ')} `;
  const publicBody = PUBLIC_HEADS.some((w) => spaced.includes(` ${w} `));
  const exact = (w: string) => SERVICE_WORDS.has(w) || (publicBody && PUBLIC_SERVICE_WORDS.has(w));
  // "Servlces techniques", "Pôsle emploi-insertion": one slip in a word of 5+ letters, next to a word typed right
  const slipped = (w: string) =>
    w.length >= 5 &&
    [...SERVICE_WORDS, ...(publicBody ? PUBLIC_SERVICE_WORDS : [])].some(
      (s) => s.length >= 4 && editDistance(w, s, 1) <= 1,
    );
  const kept = [parts[0]];
  for (const part of parts.slice(1)) {
    const words = plainWords(part).split(' ').filter(Boolean);
    const service = words.length > 0 && words.some(exact) && words.every((w) => STOP.has(w) || exact(w) || slipped(w));
    if (!service) kept.push(part);
  }
  return kept.join(' ');
}

/** A public body's first word read with one slip ("Maiorie", "CCSA"), see MISTYPED_KINDS. */
function mistypedKind(word: string): string | undefined {
  if (PUBLIC_BODIES.has(word)) return undefined;
  // a letter swapped, changed or added, never one missing: "Marie Transports" is a surname, not "Mairie"
  return MISTYPED_KINDS.find(([w]) => word.length >= w.length && editDistance(word, w, 1) <= 1)?.[1];
}

/**
 * "agence" read with one slip ("Agece", "Agnece", "AGENCES"), or split by a dash ("Agenc-e", "Age-nce"), so that the
 * town after it is recognised and the word dropped like the right spelling. From five letters and from its first
 * letter: "Saint-Gence" is a town, not an agency.
 */
function readAgency(words: string[]): void {
  const slip = (w: string) => (w[0] === 'a' && w.length >= 5 ? editDistance(w, 'agence', 1) : 2);
  for (let i = 0; i < words.length; i++) {
    const alone = slip(words[i]);
    if (alone === 0) continue;
    const joined = i + 1 < words.length ? slip(words[i] + words[i + 1]) : 2;
    if (joined <= 1 && joined < alone) words.splice(i, 2, 'agence');
    else if (alone <= 1) words[i] = 'agence';
  }
}

export function normaliseCompanyName(raw: string | null | undefined): NormalisedName {
  let s = plainWords(withoutServiceTail(fold(raw ?? '')));
  for (const phrase of LEGAL_FORM_PHRASES) {
    if (s.includes(phrase)) s = s.replace(new RegExp(`\\b${phrase}\\b`, 'g'), ' ');
  }
  const words = readPublicForms(s)
    .split(' ')
    .filter(Boolean)
    .map((w) => PUBLIC_BODY_WORDS[w] ?? w)
    // "EHPAD Résidence les Tilleuls": one word twice says it once
    .filter((w, i, all) => i === 0 || w !== all[i - 1] || !PUBLIC_BODIES.has(w));
  // "Département – MDS de Tulle": the department says whose MDS it is, not which
  if (words[0] === 'departement' && words.slice(1).some((w) => PUBLIC_BODIES.has(w))) words.shift();
  // "Maiorie de Tulle", "CCSA Tulle": one slip in the first word of a public body's name
  const kind = words.length >= 2 ? mistypedKind(words[0]) : undefined;
  if (kind) words[0] = kind;
  readAgency(words);
  const tokens: string[] = [];
  const initialsAll: string[] = [];
  let agencyAt: number | undefined;
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    // "Ste" opens a name as "Société" and otherwise means "Sainte" (Ste-Foy).
    if (w === 'ste' && i > 0 && tokens.length > 0) w = 'sainte';
    if (LEGAL_FORMS.has(w) || STOP.has(w)) continue;
    if (w === 'agence' && agencyAt === undefined) agencyAt = tokens.length;
    initialsAll.push(w[0]);
    if (GENERIC.has(w)) continue;
    for (const part of (ABBREVIATIONS[w] ?? w).split(' ')) tokens.push(PUBLIC_BODIES.has(part) ? part : singular(part));
  }
  // A name made only of generic words ("Société Générale" minus "société" keeps "generale"; "Le Groupe" keeps nothing):
  // fall back to every word so that the record is still comparable.
  if (tokens.length === 0) for (const w of words) if (!STOP.has(w)) tokens.push(singular(w));
  const compact = tokens.join('');
  const initials: string[] = [];
  if (tokens.length >= 3) initials.push(tokens.map((t) => t[0]).join(''));
  if (initialsAll.length >= 3 && initialsAll.length !== tokens.length) initials.push(initialsAll.join(''));
  return agencyAt !== undefined && agencyAt < tokens.length
    ? { tokens, compact, initials, agencyAt }
    : { tokens, compact, initials };
}
