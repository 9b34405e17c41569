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
import { RomeAppellation } from '../../referentials/entities/rome-appellation.entity';
import {
  accommodations,
  type Accommodation,
  contractTypes,
  type ContractType,
  needStatuses,
  type NeedStatus,
  sqlList,
} from '../employer-network-vocabulary';
import { Company } from './company.entity';

/**
 * A hiring need of a company. `confirmed_at` is the last time someone checked with the employer that it still holds: an
 * open need not confirmed for HIRING_NEED_EXPIRY_DAYS expires (job), so stale offers leave the directory.
 */
@Entity('hiring_need')
@Index('IDX_hiring_need_company', ['companyId'])
@Index('IDX_hiring_need_open_confirmed', ['confirmedAt'], { where: `status = 'open'` })
// Btree (domain_code, latitude) INCLUDE (longitude, fiche_code, company_id, owner_siae_id, shared_collective_ids, match_version) on open needs, for the match lists: by hand.
@Index('IDX_hiring_need_matching', { synchronize: false })
// The same on filled and closed needs, with status, closed_at and updated_at (pooled companies that hired for a trade): by hand too.
@Index('IDX_hiring_need_history', { synchronize: false })
@Check('CK_hiring_need_status', `status IN (${sqlList(needStatuses)})`)
@Check('CK_hiring_need_contract', `contract_type IN (${sqlList(contractTypes)})`)
@Check('CK_hiring_need_positions', `positions BETWEEN 1 AND 1000`)
@Check('CK_hiring_need_hours', `weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 48)`)
@Check('CK_hiring_need_accommodations', `accommodations <@ ARRAY[${sqlList(accommodations)}]::varchar[]`)
export class HiringNeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_hiring_need_company' })
  company?: Company;

  @Column({ name: 'appellation_code', type: 'varchar', length: 10 })
  appellationCode: string;

  @ManyToOne(() => RomeAppellation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'appellation_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'FK_hiring_need_appellation',
  })
  appellation?: RomeAppellation;

  @Column({ type: 'int' })
  positions: number;

  @Column({ name: 'contract_type', type: 'varchar', length: 20 })
  contractType: ContractType;

  @Column({ name: 'weekly_hours', type: 'numeric', precision: 4, scale: 1, nullable: true })
  weeklyHours: string | null;

  @Column({ name: 'place_commune_code', type: 'varchar', length: 5, nullable: true })
  placeCommuneCode: string | null;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'place_commune_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'FK_hiring_need_commune',
  })
  placeCommune?: Commune;

  // Search copies filled by a database trigger from the appellation and the place on every write (never by the code):
  // the match lists find open needs of a domain within a box of latitude/longitude in one index range scan.
  @Column({ name: 'fiche_code', type: 'char', length: 5, nullable: true, insert: false, update: false })
  ficheCode: string | null;

  @Column({ name: 'domain_code', type: 'char', length: 3, nullable: true, insert: false, update: false })
  domainCode: string | null;

  @Column({ type: 'double precision', nullable: true, insert: false, update: false })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true, insert: false, update: false })
  longitude: number | null;

  // Visibility copies filled by database triggers on every write of the need, of a share of its company or of the
  // company's owner (never by the code): the match lists check who may see a need without reading company and shares.
  @Column({ name: 'owner_siae_id', type: 'uuid', insert: false, update: false })
  ownerSiaeId: string;

  @Column({
    name: 'shared_collective_ids',
    type: 'uuid',
    array: true,
    default: () => `'{}'`,
    insert: false,
    update: false,
  })
  sharedCollectiveIds: string[];

  /** Version of the row for the match lists' snapshot cache: a new number on every write, by a trigger (migration NeedMatchVersion). */
  @Column({ name: 'match_version', type: 'bigint', insert: false, update: false, select: false })
  matchVersion: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'varchar', length: 20, array: true, default: () => `'{}'` })
  accommodations: Accommodation[];

  @Column({ type: 'varchar', length: 8 })
  status: NeedStatus;

  @Column({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
