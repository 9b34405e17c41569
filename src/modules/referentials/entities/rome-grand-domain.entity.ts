import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The 14 "grands domaines" of the ROME (A Agriculture et Pêche… N Transport et Logistique). */
@Entity('rome_grand_domain')
@Check('CK_rome_grand_domain_code', `code ~ '^[A-Z]$'`)
export class RomeGrandDomain {
  @PrimaryColumn({ type: 'char', length: 1, primaryKeyConstraintName: 'PK_rome_grand_domain' })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;
}
