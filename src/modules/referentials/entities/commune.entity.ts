import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { searchTextSql, searchWordSql } from '../search-text';

/**
 * A French commune (INSEE COG code, including the arrondissements municipaux of Paris, Lyon and Marseille) with its
 * centroid. Other modules join on `code` and search around a point with earthdistance:
 *   `earth_box(ll_to_earth(:lat, :lon), :metres) @> ll_to_earth(c.latitude, c.longitude)` (served by IDX_commune_earth).
 */
@Entity('commune')
@Check('CK_commune_code', `code ~ '^[0-9][0-9AB][0-9]{3}$'`)
@Check('CK_commune_latitude', `latitude BETWEEN -90 AND 90`)
@Check('CK_commune_longitude', `longitude BETWEEN -180 AND 180`)
// Created by hand in the migration (expression / operator-class indexes are not expressible here):
// GiST on ll_to_earth(latitude, longitude), GIN on search_vector.
@Index('IDX_commune_earth', { synchronize: false })
@Index('IDX_commune_words', { synchronize: false })
@Index('IDX_commune_department', ['department'])
export class Commune {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'PK_commune' })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 3 })
  department: string;

  @Column({ type: 'text', array: true })
  postcodes: string[];

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({
    name: 'search_name',
    type: 'text',
    generatedType: 'STORED',
    asExpression: searchTextSql('name'),
    insert: false,
    update: false,
  })
  searchName: string;

  /** ' 69001 69002 ' : array_to_string is only STABLE, hence the IMMUTABLE wrapper created by the migration. */
  @Column({
    name: 'search_postcodes',
    type: 'text',
    generatedType: 'STORED',
    asExpression: `referential_postcodes_text(postcodes)`,
    insert: false,
    update: false,
  })
  searchPostcodes: string;

  /** Words of the name and the postcodes: "saint 42" finds the Saint-… of the Loire. */
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple'::regconfig, ${searchWordSql('name')} || referential_postcodes_text(postcodes))`,
    insert: false,
    update: false,
    select: false,
  })
  searchVector: string;
}
