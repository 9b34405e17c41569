import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Commune } from '../../referentials/entities/commune.entity';

export const siaeKinds = ['ACI', 'AI', 'EI', 'ETTI', 'EITI', 'EBE'] as const;
export type SiaeKind = (typeof siaeKinds)[number];

@Entity('siae')
@Index('UQ_siae_siret', ['siret'], { unique: true })
@Check('CK_siae_kind', `kind IN ('ACI', 'AI', 'EI', 'ETTI', 'EITI', 'EBE')`)
@Check('CK_siae_siret_digits', `siret ~ '^[0-9]{14}$'`)
export class Siae {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 4 })
  kind: SiaeKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 14 })
  siret: string;

  /** INSEE code of the commune; coordinates come from the referential. */
  @Column({ name: 'commune_code', type: 'varchar', length: 5 })
  communeCode: string;

  // RESTRICT: the referential import never deletes communes, and an SIAE must always resolve to coordinates.
  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_siae_commune' })
  commune?: Commune;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
