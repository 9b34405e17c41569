import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceLevel } from '../candidate-vocabulary';
import { CandidateProfile } from './candidate-profile.entity';

/** What the person can do, and how we know it: said, seen at work or in an immersion, or certified. */
@Entity('candidate_skill')
@Index('IDX_candidate_skill_candidate', ['candidateId'])
@Check('CK_candidate_skill_evidence', `evidence_level IN ('declared', 'observed', 'certified')`)
export class CandidateSkill {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => CandidateProfile, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'candidate_id',
    referencedColumnName: 'candidateId',
    foreignKeyConstraintName: 'FK_candidate_skill_profile',
  })
  profile?: CandidateProfile;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ name: 'evidence_level', type: 'varchar', length: 10 })
  evidenceLevel: EvidenceLevel;

  /** Where it was observed (chantier, PMSMP at …): written for employers, no identity. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
