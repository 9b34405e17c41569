/**
 * Accent-, case- and punctuation-insensitive search text, computed by PostgreSQL both for the stored columns and for
 * the words typed by the user, so that the two sides can never disagree (unaccent also maps œ → oe, ß → ss…).
 * The result is padded with spaces: `LIKE '% ' || word || '%'` is "a word of the label starts with word" and the
 * trigram index serves it.
 */
export function searchTextSql(expression: string): string {
  return `' ' || btrim(regexp_replace(lower(immutable_unaccent(${expression})), '[^a-z0-9]+', ' ', 'g')) || ' '`;
}

/** The same normalisation without padding, for a word or a phrase typed by the user. */
export function searchWordSql(expression: string): string {
  return `btrim(regexp_replace(lower(immutable_unaccent(${expression})), '[^a-z0-9]+', ' ', 'g'))`;
}

/**
 * Words of the normalised text as a tsvector ('simple': no stemming, no stop words). A GIN index on it answers
 * "a word starts with …" (`prefix:*`) by walking the sorted lexemes: ~0.3 ms where a trigram index needs ~10 ms,
 * because trigrams of common French syllables ("ent", "eur") match half of the rows.
 */
export function searchVectorSql(expression: string): string {
  return `to_tsvector('simple'::regconfig, ${searchWordSql(expression)})`;
}

/**
 * A tsquery requiring every normalised word of the typed text as a word prefix: "Agent d'entr" → agent:* & d:* & entr:*.
 * The normalised text holds only [a-z0-9] and single spaces, so the rewrite cannot produce tsquery syntax errors.
 */
export function prefixQuerySql(expression: string): string {
  return `to_tsquery('simple'::regconfig, replace(regexp_replace(${searchWordSql(expression)}, '([a-z0-9]+)', '\\1:*', 'g'), ' ', ' & '))`;
}

/** Upper bound of words considered in a query: longer inputs are sentences, not names being typed. */
export const MAX_QUERY_WORDS = 6;

/**
 * Splits what the user typed into words. One-letter words ("l'", "d'") are elisions that carry no meaning: they are
 * dropped unless nothing else is left. Single digits stay ("Lyon 3").
 */
export function queryWords(query: string): string[] {
  const words = query.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const meaningful = words.filter((w) => w.length > 1 || /\p{N}/u.test(w));
  return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_QUERY_WORDS);
}

/** "St-Étienne", "Ste Foy": commune names are written in full in the COG, users often abbreviate. */
export function expandSaint(word: string): string[] {
  const lower = word.toLowerCase();
  if (lower === 'st') return ['saint', 'st'];
  if (lower === 'ste') return ['sainte', 'ste'];
  return [word];
}

/** A query made only of digits (and spaces) is a postcode being typed. */
export function isPostcodePrefix(query: string): boolean {
  return /^\d{2,5}$/.test(query.replace(/\s+/g, ''));
}
