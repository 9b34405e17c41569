import { Check, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SoftSkill } from '../candidate-vocabulary';
import { CandidateProfile } from './candidate-profile.entity';

@Entity('candidate_soft_skill')
@Check(
  'CK_candidate_soft_skill_code',
  `soft_skill IN ('ponctualite', 'travail_en_equipe', 'adaptabilite', 'capacite_de_rebond', 'autonomie', 'relation_client', 'rigueur', 'perseverance', 'assiduite', 'respect_des_consignes', 'sens_de_l_organisation', 'curiosite', 'gestion_du_stress', 'prise_d_initiative', 'communication')`,
)
export class CandidateSoftSkill {
  @PrimaryColumn({ name: 'candidate_id', type: 'uuid', primaryKeyConstraintName: 'PK_candidate_soft_skill' })
  candidateId: string;

  @PrimaryColumn({
    name: 'soft_skill',
    type: 'varchar',
    length: 40,
    primaryKeyConstraintName: 'PK_candidate_soft_skill',
  })
  softSkill: SoftSkill;

  @ManyToOne(() => CandidateProfile, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'candidate_id',
    referencedColumnName: 'candidateId',
    foreignKeyConstraintName: 'FK_candidate_soft_skill_profile',
  })
  profile?: CandidateProfile;
}
