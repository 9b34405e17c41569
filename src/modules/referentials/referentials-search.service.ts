import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toAppellationView } from './referentials.service';
import { AppellationView, CommuneView } from './referentials.views';
import { expandSaint, isPostcodePrefix, prefixQuerySql, queryWords, searchWordSql } from './search-text';

/** Collects positional parameters while a query is being written. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The appellation autocomplete query (exported for the benchmark, which times the SQL alone beside the HTTP call).
 * Ranking: labels that start with the whole query first, then shorter labels (a short label is the generic job, a long
 * one a specialisation), then alphabetical for a stable order.
 */
export function appellationQuery(query: string, limit: number): { sql: string; params: unknown[] } | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const p = new Params();
  const phrase = searchWordSql(p.add(words.join(' ')));
  // Top-N on the appellations alone, then the joins for the 10 rows kept (a 2-letter prefix matches hundreds).
  const order = `starts DESC, length(a.label), a.label, a.code`;
  const sql = `SELECT a.code, a.label, a.short_label, f.code AS fiche_code, f.label AS fiche_label, d.code AS domain_code, d.label AS domain_label
       FROM (SELECT a.code, a.label, a.short_label, a.fiche_code, a.search_text LIKE ' ' || ${phrase} || '%' AS starts
             FROM rome_appellation a
             WHERE a.search_vector @@ ${prefixQuerySql(p.add(words.join(' ')))}
             ORDER BY ${order}
             LIMIT ${p.add(limit)}) a
       JOIN rome_fiche f ON f.code = a.fiche_code JOIN rome_domain d ON d.code = f.domain_code
       ORDER BY ${order}`;
  return { sql, params: p.values };
}

/**
 * Autocompletion over the referentials. Every word typed must be the beginning of a word of the label (accents, case,
 * hyphens and apostrophes ignored). PostgreSQL normalises the typed words with the same expression as the stored
 * columns; they become a `word:* & word:*` tsquery served by the GIN index on `search_vector`, and the few rows found
 * are ranked with the padded `search_text` / `search_name`.
 */
@Injectable()
export class ReferentialsSearch {
  constructor(private readonly dataSource: DataSource) {}

  async appellations(query: string, limit: number): Promise<AppellationView[]> {
    const built = appellationQuery(query, limit);
    if (!built) return [];
    const rows: Record<string, string>[] = await this.dataSource.query(built.sql, built.params);
    return rows.map(toAppellationView);
  }

  /** By postcode when the query is digits, by name otherwise. */
  communes(query: string, limit: number): Promise<CommuneView[]> {
    return isPostcodePrefix(query)
      ? this.communesByPostcode(query.replace(/\s+/g, ''), limit)
      : this.communesByName(query, limit);
  }

  /**
   * Ranking: exact name, then names starting with the query, then bigger places first (the number of postcodes is
   * the only size proxy the data has), then shorter names — ignoring an arrondissement's number, so that "Lyon 1er"…
   * "Lyon 9e" follow "Lyon" in order instead of being scattered by length.
   */
  private async communesByName(query: string, limit: number): Promise<CommuneView[]> {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const p = new Params();
    // One tsquery per word, alternatives OR-ed ("st" → saint:* | st:*), words AND-ed.
    const tsquery = words
      .map(
        (w) =>
          `(${expandSaint(w)
            .map((alt) => prefixQuerySql(p.add(alt)))
            .join(' || ')})`,
      )
      .join(' && ');
    const phrase = searchWordSql(p.add(words.map((w) => expandSaint(w)[0]).join(' ')));
    return this.dataSource.query(
      `SELECT c.code, c.name, c.department, c.postcodes, c.latitude, c.longitude
       FROM commune c
       WHERE c.search_vector @@ (${tsquery})
       ORDER BY c.search_name = ' ' || ${phrase} || ' ' DESC,
                c.search_name LIKE ' ' || ${phrase} || '%' DESC,
                cardinality(c.postcodes) DESC,
                length(regexp_replace(c.name, '\\s+[0-9]+(er|e)$', '')),
                c.code
       LIMIT ${p.add(limit)}`,
      p.values,
    );
  }

  /** Exact postcode first; inside it, the commune before its arrondissements (fewer characters), then by code. */
  private communesByPostcode(digits: string, limit: number): Promise<CommuneView[]> {
    return this.dataSource.query(
      `SELECT c.code, c.name, c.department, c.postcodes, c.latitude, c.longitude
       FROM commune c
       WHERE c.search_vector @@ to_tsquery('simple'::regconfig, $1) AND c.search_postcodes LIKE $2
       ORDER BY c.search_postcodes LIKE $3 DESC, length(regexp_replace(c.name, '\\s+[0-9]+(er|e)$', '')), c.name, c.code
       LIMIT $4`,
      // The vector finds candidates through the index; LIKE keeps postcodes only (a name word could start with digits).
      [`${digits}:*`, `% ${digits}%`, `% ${digits} %`, limit],
    );
  }
}
