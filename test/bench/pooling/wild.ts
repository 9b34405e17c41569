/**
 * What others' data showed and the first profiles lacked (issue 16): public bodies written many ways, service suffixes,
 * "agence de …", sole traders known by their shop sign or their legal name, franchise stores of one brand (one SIREN
 * each). Word lists only; generator.ts draws from them when a profile has `wild` rates.
 */

/** Rates of the phenomena of issue 16; a profile without them generates exactly what it did before. */
export interface WildRates {
  /** Share of new companies that are public bodies (town hall, CCAS, MDS, hospital, communauté de communes, EHPAD). */
  publicBodyShare: number;
  /** Share of new companies that are a franchise brand: several stores, one SIREN each, one name. */
  franchiseShare: number;
  franchiseSize: [number, number];
  /** Share of single-site companies run by a sole trader: shop sign or the owner's name, as the SIAE knows them. */
  soleTraderShare: number;
  /** A sole trader's record typed with the owner's name instead of the sign. */
  legalNameTyped: number;
  /** Records of a public body (resp. a company) with a service after a dash ("– Service RH", "- Espaces verts"). */
  publicServiceSuffix: number;
  serviceSuffix: number;
  /** A chain's branch typed "<name> agence de <town>" or "Agence <town> <name>". */
  agencyOf: number;
  /** Records typing a town 10 to 30 km away (neighbourCommune is under 10 km). */
  farNeighbour: number;
  /** Records without commune nor postcode. */
  noPlace: number;
  /** Establishments known by this many SIAE or more get odd records: */
  popularFrom: number;
  /** …this share of their records has another street, a town up to 25 km away, or no commune. */
  oddRecord: number;
  /** Share of contacts' e-mails at a personal webmail (first.last@gmail.com: namesakes at two firms share it). */
  webmailShare: number;
  /** Public bodies are well known: their SIAE count is drawn this many times and the largest kept. */
  publicPopularity: number;
}

export type PublicKind = 'commune' | 'ccas' | 'mds' | 'ch' | 'cc' | 'ehpad';

export const PUBLIC_KINDS: Array<[PublicKind, number]> = [
  ['commune', 0.34],
  ['ccas', 0.16],
  ['mds', 0.1],
  ['ch', 0.08],
  ['cc', 0.1],
  ['ehpad', 0.22],
];

/** {T}: the town; {R}: an EHPAD's residence name. The first form is the canonical one. */
export const PUBLIC_FORMS: Record<PublicKind, string[]> = {
  commune: [
    'Mairie de {T}',
    'Commune de {T}',
    'Ville de {T}',
    'Mairie {T}',
    'Hôtel de Ville de {T}',
    'MAIRIE DE {T}',
    'Commune {T}',
    'Mairie',
  ],
  ccas: [
    'CCAS de {T}',
    'CCAS {T}',
    'C.C.A.S. de {T}',
    "Centre Communal d'Action Sociale de {T}",
    'Centre communal d’action sociale {T}',
    'CCAS',
  ],
  mds: [
    'Maison des Solidarités de {T}',
    'MDS {T}',
    'MDS de {T}',
    'Département – MDS de {T}',
    'Conseil départemental - Maison des solidarités {T}',
    'Maison Départementale des Solidarités {T}',
  ],
  ch: ['Centre Hospitalier de {T}', 'CH {T}', 'CH de {T}', 'Hôpital de {T}', 'Centre hospitalier {T}', 'C.H. de {T}'],
  cc: [
    'Communauté de communes du Pays de {T}',
    'CC du Pays de {T}',
    'CC Pays de {T}',
    'Com Com du Pays de {T}',
    'CDC Pays de {T}',
    'Communauté de Communes Pays de {T}',
  ],
  ehpad: [
    'EHPAD {R}',
    'Ehpad {R}',
    'EHPAD Résidence {R}',
    'Résidence {R}',
    'Maison de retraite {R}',
    'EHPAD {R} {T}',
    'EHPAD {R} de {T}',
  ],
};

export const PUBLIC_NAF: Record<PublicKind, string> = {
  commune: '8411Z',
  ccas: '8899B',
  mds: '8411Z',
  ch: '8610Z',
  cc: '8411Z',
  ehpad: '8710A',
};

/** EHPAD residences: the same few names in many towns (namesakes one town apart). */
export const RESIDENCES = [
  'Les Tilleuls',
  'Les Jardins',
  'Le Parc',
  'Les Lilas',
  'Les Glycines',
  'La Roseraie',
  'Les Magnolias',
  'Le Clos Fleuri',
  'Les Charmilles',
  'La Source',
  'Les Cèdres',
  'Les Ormeaux',
  'Saint-Joseph',
  'Sainte-Marie',
  'Le Val Fleuri',
  'Les Hortensias',
];

export const PUBLIC_SERVICES = [
  'Service RH',
  'Services techniques',
  'Espaces verts',
  'Ressources humaines',
  'Direction des ressources humaines',
  'Restauration scolaire',
  'Service entretien',
  'Pôle emploi-insertion',
  'Service jeunesse',
  'Accueil',
];

export const COMPANY_SERVICES = [
  'Service RH',
  'Ressources humaines',
  'Direction',
  'Atelier',
  'Service recrutement',
  'RH',
];

export const SEPARATORS = [' – ', ' - ', ' / ', ' — ', ', '];

/** Franchise brands: every store its own company (SIREN), all under the brand's name. */
export const FRANCHISES = [
  'Proxi Super',
  'Vival',
  'Carrefour Contact',
  'Intermarché',
  'Spar',
  'Point Vert',
  'Speedy',
  'Midas',
  'Orpi',
  'Century 21',
  'Jardiland',
  "Domino's Pizza",
  'Brico Pro',
  'Optic 2000',
  'Mr Bricolage',
  'La Mie Câline',
  'Norauto',
  'Adecco',
  'Shiva',
  'O2 Care Services',
];
