import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RomeGrandDomain } from './rome-grand-domain.entity';

/** A "domaine professionnel" of the ROME, e.g. `A11` Engins agricoles et forestiers: the first 3 characters of a fiche code. */
@Entity('rome_domain')
@Check('CK_rome_domain_code', `code ~ '^[A-Z][0-9]{2}$' AND left(code, 1) = grand_domain_code`)
@Index('IDX_rome_domain_grand_domain', ['grandDomainCode'])
export class RomeDomain {
  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'PK_rome_domain' })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ name: 'grand_domain_code', type: 'char', length: 1 })
  grandDomainCode: string;

  @ManyToOne(() => RomeGrandDomain, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grand_domain_code', foreignKeyConstraintName: 'FK_rome_domain_grand_domain' })
  grandDomain?: RomeGrandDomain;
}
