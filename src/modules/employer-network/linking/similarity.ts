import { PUBLIC_BODIES } from './company-name';
import { editDistance } from './text';

/**
 * How much two name tokens are the same word: equal, abbreviated ("transp" / "transport"), or mistyped (one slip; two
 * in long words). Anything else is a different word, on purpose: "martin" and "martinez" are two families.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && short.length <= 0.7 * long.length && long.startsWith(short)) return 0.85;
  // an abbreviation by skipped letters ("Ntt" / "nettoyage", "Cov" / "couverture"): its letters in order in the word
  if (short.length >= 3 && short.length <= 0.5 * long.length && short[0] === long[0] && isSubsequence(short, long))
    return 0.7;
  if (short.length < 4) return 0;
  // a mistyped abbreviation ("Plmb." / "plomberie", "Tansp." / "transport"): one slip from a prefix of the long word
  if (short.length <= 0.7 * long.length && short[0] === long[0] && typoOfPrefix(short, long)) return 0.75;
  const d = editDistance(a, b, 2);
  if (d === 1) return 0.9;
  if (d === 2 && short.length >= 7) return 0.75;
  return 0;
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

function typoOfPrefix(short: string, long: string): boolean {
  for (let len = short.length - 1; len <= short.length + 1; len++)
    if (editDistance(short, long.slice(0, len), 1) <= 1) return true;
  return false;
}

export interface WeightedName {
  tokens: string[];
  /** Interned token ids (see TokenTable), so that token comparisons are memoised across pairs. */
  ids: number[];
  weights: number[];
  /** Euclidean norm of the weights. */
  norm: number;
  compact: string;
  initials: string[];
  /** Same id ⇔ same tokens and initials: the similarity of two names is memoised by their ids. */
  nameId: number;
}

/** Interns tokens and memoises their similarity: the same few thousand words meet millions of times. */
export class TokenTable {
  private readonly idOf = new Map<string, number>();
  readonly words: string[] = [];
  private readonly memo = new Map<number, number>();
  /** Name-pair and address-pair similarities, keyed by interned ids (see nameId / addressId). */
  readonly nameMemo = new Map<number, number>();
  readonly addressMemo = new Map<number, number>();
  private readonly keyIds = new Map<string, number>();

  /** A small integer for a whole name or address key. */
  keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) this.keyIds.set(key, (id = this.keyIds.size));
    return id;
  }

  id(token: string): number {
    let id = this.idOf.get(token);
    if (id === undefined) {
      id = this.words.length;
      this.idOf.set(token, id);
      this.words.push(token);
    }
    return id;
  }

  similarity(a: number, b: number): number {
    if (a === b) return 1;
    const key = a < b ? a * 4194304 + b : b * 4194304 + a;
    let s = this.memo.get(key);
    if (s === undefined) {
      s = tokenSimilarity(this.words[a], this.words[b]);
      this.memo.set(key, s);
    }
    return s;
  }
}

/**
 * Soft TF-IDF cosine between two names: tokens matched to their most similar counterpart, each match weighted by how
 * rare both words are, so "Boulangerie Martin" / "Martin" stays close while "Boulangerie Martin" / "Boulangerie Dupont"
 * does not. Glued words ("Bati-Concept" / "Baticoncept") and acronyms ("SMTP") are caught before.
 */
export function nameSimilarity(a: WeightedName, b: WeightedName, table: TokenTable): number {
  if (a.nameId === b.nameId) return a.compact.length === 0 ? 0 : 1;
  const key = a.nameId < b.nameId ? a.nameId * 4194304 + b.nameId : b.nameId * 4194304 + a.nameId;
  let sim = table.nameMemo.get(key);
  if (sim === undefined) {
    sim = computeNameSimilarity(a, b, table);
    table.nameMemo.set(key, sim);
  }
  return sim;
}

function computeNameSimilarity(a: WeightedName, b: WeightedName, table: TokenTable): number {
  if (a.compact.length === 0 || b.compact.length === 0) return 0;
  if (a.compact === b.compact) return 1;
  if (a.tokens.length === 1 && b.initials.includes(a.tokens[0])) return 0.9;
  if (b.tokens.length === 1 && a.initials.includes(b.tokens[0])) return 0.9;
  // a town hall and the CCAS of one town are two employers, however alike the rest of their names
  const kindA = a.tokens.find((t) => PUBLIC_BODIES.has(t));
  const kindB = b.tokens.find((t) => PUBLIC_BODIES.has(t));
  const otherKind = kindA !== undefined && kindB !== undefined && kindA !== kindB;
  const one = oneWay(a, b, table);
  const other = oneWay(b, a, table);
  let sim = Math.min(1, (one + other) / 2);
  if (otherKind) return Math.min(sim, OTHER_KIND_CAP);
  if (sim < 0.9 && gluedTypo(a.compact, b.compact)) sim = 0.92;
  // Two slips in one word ("Htôl" / "Hôtel") defeat word matching but not letter trigrams. Capped at a neutral value:
  // trigrams alone would also bring "Garage Martin" and "Garage Martinez" together.
  if (sim < TRIGRAM_CAP) sim = Math.max(sim, Math.min(TRIGRAM_CAP, trigramDice(a.compact, b.compact)));
  return sim;
}

const TRIGRAM_CAP = 0.7;
/** Two public bodies of different kinds (see computeNameSimilarity): a name that speaks against the pair. */
const OTHER_KIND_CAP = 0.5;

function trigramDice(a: string, b: string): number {
  if (a.length < 3 || b.length < 3) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= a.length; i++) {
    const g = a.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 3 <= b.length; i++) {
    const g = b.slice(i, i + 3);
    const c = grams.get(g);
    if (c) {
      shared++;
      grams.set(g, c - 1);
    }
  }
  return (2 * shared) / (a.length - 2 + b.length - 2);
}

/**
 * "Baticoncept" / "Bati Conept", "Cpalo-g" / "Caplog": the glued forms differ by one slip (checked only when a cheap
 * filter allows it). From six letters: shorter glued names are single words, which token matching already covers.
 */
function gluedTypo(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1) return false;
  if (a.slice(0, 3) !== b.slice(0, 3) && a.slice(-3) !== b.slice(-3)) return false;
  return editDistance(a, b, 1) <= 1;
}

function oneWay(a: WeightedName, b: WeightedName, table: TokenTable): number {
  let dot = 0;
  for (let i = 0; i < a.tokens.length; i++) {
    let best = 0;
    let bestWeight = 0;
    for (let j = 0; j < b.tokens.length; j++) {
      const s = table.similarity(a.ids[i], b.ids[j]);
      if (s > best) {
        best = s;
        bestWeight = b.weights[j];
        if (s === 1) break;
      }
    }
    if (best > 0) dot += a.weights[i] * bestWeight * best;
  }
  return a.norm > 0 && b.norm > 0 ? dot / (a.norm * b.norm) : 0;
}
