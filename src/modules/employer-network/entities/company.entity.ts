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
import { Siae } from '../../structures/entities/siae.entity';
import { sizeBands, type SizeBand, sqlList } from '../employer-network-vocabulary';

/**
 * A company (establishment) as one SIAE knows it. Owned by that SIAE; other SIAE see it only through a sharing with a
 * collective. Identifiers are kept as typed (digits only): the pooling job, not the form, decides what is the same firm.
 */
@Entity('company')
@Index('IDX_company_siae', ['siaeId'])
@Index('IDX_company_siret', ['siret'])
@Check('CK_company_siret_digits', `siret IS NULL OR siret ~ '^[0-9]{14}$'`)
@Check('CK_company_siren_digits', `siren IS NULL OR siren ~ '^[0-9]{9}$'`)
@Check('CK_company_size_band', `size_band IS NULL OR size_band IN (${sqlList(sizeBands)})`)
@Check('CK_company_name', `length(btrim(name)) > 0`)
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_company_siae' })
  siae?: Siae;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 14, nullable: true })
  siret: string | null;

  @Column({ type: 'char', length: 9, nullable: true })
  siren: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  naf: string | null;

  @Column({ name: 'size_band', type: 'varchar', length: 6, nullable: true })
  sizeBand: SizeBand | null;

  @Column({ name: 'commune_code', type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_company_commune' })
  commune?: Commune;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
