import type { SchemaFunction, SchemaObjects } from '../../platform/database/schema-objects';

/**
 * SQL functions that generated columns, expression indexes and triggers call. A generated column or an index needs an
 * IMMUTABLE function; these wrap STABLE ones whose result is fixed in practice for their argument types.
 *
 * | function | used by |
 * |---|---|
 * | `immutable_unaccent(text)` | `commune.search_name`, `rome_appellation.search_text` (generated) and accent-free searches (search-text.ts, candidate-search.ts) |
 * | `referential_postcodes_text(text[])` | `commune.search_postcodes`, `commune.search_words` (generated) |
 * | `rome_fiche_id(varchar)` | `candidate_profile.target_fiche_ids` (candidates.triggers.ts); mirrored in matching-sql.ts |
 *
 * Redefining one used by a stored generated column does not recompute the stored values: a change of result needs a
 * migration that rewrites them too. Last defined by the migrations Extensions, Referentials, MatchingFicheIds, and
 * (frozen copies of these constants) SchemaObjectsFromCode.
 */

/** unaccent() is only STABLE (its dictionary could change); the wrapper names the dictionary, so it is IMMUTABLE. */
export const immutableUnaccent: SchemaFunction = {
  name: 'immutable_unaccent',
  functionSql: `CREATE OR REPLACE FUNCTION "immutable_unaccent"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
SELECT public.unaccent('public.unaccent'::regdictionary, $1)
$$`,
};

/** array_to_string() is only STABLE (generic element output); on text[] it is immutable. */
export const referentialPostcodesText: SchemaFunction = {
  name: 'referential_postcodes_text',
  functionSql: `CREATE OR REPLACE FUNCTION "referential_postcodes_text"(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
SELECT ' ' || array_to_string($1, ' ') || ' '
$$`,
};

/** The integer form of a ROME fiche (letter index × 10000 + number: K2204 → 102204): cheap to compare in an index. */
export const romeFicheId: SchemaFunction = {
  name: 'rome_fiche_id',
  functionSql: `CREATE OR REPLACE FUNCTION "rome_fiche_id"(code varchar) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT (ascii(left(code, 1)) - 65) * 10000 + substr(code, 2, 4)::integer
$$`,
};

export const referentialsSchemaObjects: SchemaObjects = {
  owner: 'src/modules/referentials/referentials.functions.ts',
  functions: [immutableUnaccent, referentialPostcodesText, romeFicheId],
  triggers: [],
};
