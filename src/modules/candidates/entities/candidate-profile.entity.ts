import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Commune } from '../../referentials/entities/commune.entity';
import type { DrivingLicence, LanguageLevel, TransportMean, WorkTime } from '../candidate-vocabulary';
import { Candidate } from './candidate.entity';

export interface SpokenLanguage {
  /** ISO 639-1 code, e.g. `fr`, `ar`, `en`. */
  language: string;
  level: LanguageLevel;
}

/**
 * The pseudonymised profile other SIAE may see (with a `collective` consent). It repeats `siae_id` so that the
 * visibility rules never need to join the identity table.
 */
@Entity('candidate_profile')
@Index('IDX_candidate_profile_siae', ['siaeId'])
// GiST on ll_to_earth for searches without a job filter: created by hand in the migration.
@Index('IDX_candidate_profile_geo', { synchronize: false })
// Btree for the match lists (siae_id, latitude) INCLUDE what the pre-filter reads: created by hand in the migrations.
@Index('IDX_candidate_profile_matching', { synchronize: false })
@Check('CK_candidate_profile_radius', `mobility_radius_km BETWEEN 0 AND 300`)
@Check('CK_candidate_profile_lat_lon', `latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180`)
@Check('CK_candidate_profile_work_time', `work_time IS NULL OR work_time IN ('full_time', 'part_time', 'either')`)
@Check(
  'CK_candidate_profile_transport',
  `transport_means <@ ARRAY['car', 'motorbike', 'bicycle', 'public_transport', 'walking', 'carpool']::varchar[]`,
)
@Check(
  'CK_candidate_profile_licences',
  `driving_licences <@ ARRAY['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C', 'CE', 'D1', 'D', 'DE', 'CACES']::varchar[]`,
)
export class CandidateProfile {
  @PrimaryColumn({ name: 'candidate_id', type: 'uuid', primaryKeyConstraintName: 'PK_candidate_profile' })
  candidateId: string;

  @OneToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'FK_candidate_profile_candidate' })
  candidate?: Candidate;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  /** First name + initial, or an alias the person chose. */
  @Column({ type: 'varchar', length: 60 })
  pseudonym: string;

  @Column({ name: 'commune_code', type: 'varchar', length: 5 })
  communeCode: string;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code', foreignKeyConstraintName: 'FK_candidate_profile_commune' })
  commune?: Commune;

  /** Copied from the commune referential when the commune is set, so the radius search is one indexed table. */
  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ name: 'mobility_radius_km', type: 'int', default: 10 })
  mobilityRadiusKm: number;

  @Column({ name: 'transport_means', type: 'varchar', array: true, default: () => `'{}'` })
  transportMeans: TransportMean[];

  @Column({ name: 'driving_licences', type: 'varchar', array: true, default: () => `'{}'` })
  drivingLicences: DrivingLicence[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  languages: SpokenLanguage[];

  /** French is not the person's first language (FLE): employers state whether they accommodate it. */
  @Column({ name: 'french_as_foreign_language', type: 'boolean', default: false })
  frenchAsForeignLanguage: boolean;

  /** Reading/writing French is difficult (illettrisme). */
  @Column({ name: 'literacy_difficulty', type: 'boolean', default: false })
  literacyDifficulty: boolean;

  @Column({ name: 'available_from', type: 'date', nullable: true })
  availableFrom: string | null;

  @Column({ name: 'work_time', type: 'varchar', length: 10, nullable: true })
  workTime: WorkTime | null;

  /** e.g. "pas avant 9 h (enfants)", "pas le mercredi". Free text written for employers: no identity here. */
  @Column({ name: 'time_constraints', type: 'varchar', length: 500, nullable: true })
  timeConstraints: string | null;

  /**
   * Mirror of `candidate.contract_end`, written in the same transaction as the identity row (candidate create/update,
   * profile put) and gone with the profile on erasure. Shared on purpose: it is what lets the ranking favour people
   * whose parcours runs out (the contract-end boost), and a query for another SIAE must never read the identity table.
   * A date alone does not identify anyone; see the candidates README.
   */
  @Column({ name: 'contract_end', type: 'date', nullable: true })
  contractEnd: string | null;

  /**
   * Mirror of "a collective consent is active", maintained in the same transaction as the consent rows; it only serves
   * the partial search index. Queries still check the consent rows themselves.
   */
  @Column({ name: 'shared_with_collective', type: 'boolean', default: false })
  sharedWithCollective: boolean;

  /**
   * Codes of the target jobs (sorted by appellation), written only by the trigger on candidate_target_job: the match
   * lists filter and score a candidate from the profile row alone, in one index-only scan.
   */
  @Column({
    name: 'target_ogr_codes',
    type: 'varchar',
    array: true,
    default: () => `'{}'`,
    insert: false,
    update: false,
  })
  targetOgrCodes: string[];

  /** Fiche of each target job, in the order of `targetOgrCodes`; same trigger. */
  @Column({
    name: 'target_fiche_codes',
    type: 'varchar',
    array: true,
    default: () => `'{}'`,
    insert: false,
    update: false,
  })
  targetFicheCodes: string[];

  /** The distinct fiches as integers (`rome_fiche_id`: K2204 → 102204), the cheap form the search index filters on; same trigger. */
  @Column({ name: 'target_fiche_ids', type: 'int', array: true, default: () => `'{}'`, insert: false, update: false })
  targetFicheIds: number[];

  /**
   * Version of what matching reads of this candidate (profile, target jobs, skills, soft skills): a new number from a
   * sequence on every write of any of them, by triggers (migration CandidateMatchVersion). The match lists keep scored
   * snapshots by (id, version). Never written by the code; bigint, so it reads as a string.
   */
  @Column({ name: 'match_version', type: 'bigint', insert: false, update: false, select: false })
  matchVersion: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
