import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RomeAppellation } from '../../referentials/entities/rome-appellation.entity';
import { RomeDomain } from '../../referentials/entities/rome-domain.entity';
import { RomeFiche } from '../../referentials/entities/rome-fiche.entity';
import type { ExperienceLevel } from '../candidate-vocabulary';
import { CandidateProfile } from './candidate-profile.entity';

/**
 * A job the person aims at (ROME appellation). It also serves as the search row: it repeats the profile's position,
 * SIAE and sharing flag so that "appellation (or domain) within r km, shared with the collective" is answered by one
 * GiST index (btree_gist lets the codes sit in the same index as the earth point).
 */
@Entity('candidate_target_job')
@Index('UQ_candidate_target_job', ['candidateId', 'ogrCode'], { unique: true })
@Index('IDX_candidate_target_job_siae', ['siaeId'])
// Expression GiST index (codes + ll_to_earth) that decorators cannot describe: created by hand in the migration.
@Index('IDX_candidate_target_job_search', { synchronize: false })
@Check('CK_candidate_target_job_experience', `experience_level IN ('none', 'beginner', 'experienced', 'confirmed')`)
@Check('CK_candidate_target_job_domain', `left(fiche_code, 3) = domain_code`)
export class CandidateTargetJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateProfile, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'candidate_id',
    referencedColumnName: 'candidateId',
    foreignKeyConstraintName: 'FK_candidate_target_job_profile',
  })
  profile?: CandidateProfile;

  /** OGR code of the ROME appellation. */
  @Column({ name: 'ogr_code', type: 'varchar', length: 10 })
  ogrCode: string;

  @ManyToOne(() => RomeAppellation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ogr_code', foreignKeyConstraintName: 'FK_candidate_target_job_appellation' })
  appellation?: RomeAppellation;

  /** Copied from the appellation (as the domain) so that the search index holds them. */
  @Column({ name: 'fiche_code', type: 'char', length: 5 })
  ficheCode: string;

  @ManyToOne(() => RomeFiche, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiche_code', foreignKeyConstraintName: 'FK_candidate_target_job_fiche' })
  fiche?: RomeFiche;

  /** Domaine professionnel: the first three characters of the fiche (e.g. `K22`). */
  @Column({ name: 'domain_code', type: 'char', length: 3 })
  domainCode: string;

  @ManyToOne(() => RomeDomain, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'domain_code', foreignKeyConstraintName: 'FK_candidate_target_job_domain' })
  domain?: RomeDomain;

  @Column({ name: 'experience_level', type: 'varchar', length: 12 })
  experienceLevel: ExperienceLevel;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ name: 'shared_with_collective', type: 'boolean', default: false })
  sharedWithCollective: boolean;
}
