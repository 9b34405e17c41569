import { ApiProperty } from '@nestjs/swagger';
import { IdNameDto } from '../../../platform/openapi/common.dto';
import {
  accommodations,
  contractTypes,
  interactionKinds,
  needStatuses,
  preferredChannels,
  sizeBands,
  type Accommodation,
  type ContractType,
  type InteractionKind,
  type NeedStatus,
  type PreferredChannel,
} from '../employer-network-vocabulary';

/** Responses of the company records routes (companies, contacts, interactions, needs, shares, contact GDPR). */

export class ContactViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: String, nullable: true })
  firstName: string | null;
  @ApiProperty({ type: String, nullable: true })
  lastName: string | null;
  @ApiProperty({ type: String, nullable: true })
  role: string | null;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ enum: preferredChannels, nullable: true })
  preferredChannel: PreferredChannel | null;
  createdAt: Date;
}

export class InteractionViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  /** Le contact concerné, s'il y en a un. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  contactId: string | null;
  @ApiProperty({ enum: interactionKinds })
  kind: InteractionKind;
  @ApiProperty({ format: 'date' })
  occurredOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  byUserId: string | null;
  /** La structure au nom de laquelle l'échange a été consigné. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  bySiaeId: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  /** Le·la candidat·e d'un résultat (embauche…) : montré·e seulement au personnel de la structure qui l'a consigné. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  candidateId: string | null;
  createdAt: Date;
}

/** Un besoin de recrutement tel que la fiche entreprise le montre. */
export class HiringNeedViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Code OGR de l'appellation ROME. */
  appellationCode: string;
  appellationLabel: string;
  positions: number;
  @ApiProperty({ enum: contractTypes })
  contractType: ContractType;
  @ApiProperty({ type: Number, nullable: true })
  weeklyHours: number | null;
  @ApiProperty({ type: String, nullable: true })
  placeCommuneCode: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;
  @ApiProperty({ enum: accommodations, isArray: true })
  accommodations: Accommodation[];
  @ApiProperty({ enum: needStatuses })
  status: NeedStatus;
  /** Dernière confirmation que le besoin tient toujours. */
  confirmedAt: Date;
  @ApiProperty({ type: Date, nullable: true })
  closedAt: Date | null;
}

/** Le besoin créé, avec l'entreprise qui le porte. */
export class CreatedHiringNeedDto extends HiringNeedViewDto {
  @ApiProperty({ format: 'uuid' })
  companyId: string;
}

export class CompanyShareViewDto {
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  withContacts: boolean;
  sharedAt: Date;
}

/** Une fiche entreprise : tout pour la structure propriétaire ; pour un collectif, les contacts seulement s'ils sont partagés. */
export class CompanyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  /** Vrai quand la fiche est de ma structure. */
  mine: boolean;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  siret: string | null;
  @ApiProperty({ type: String, nullable: true })
  siren: string | null;
  @ApiProperty({ type: String, nullable: true })
  naf: string | null;
  @ApiProperty({ enum: sizeBands, nullable: true })
  sizeBand: string | null;
  @ApiProperty({ type: String, nullable: true })
  communeCode: string | null;
  @ApiProperty({ type: String, nullable: true })
  address: string | null;
  @ApiProperty({ type: String, nullable: true })
  website: string | null;
  /** Null quand la fiche est partagée sans ses contacts. */
  @ApiProperty({ type: [ContactViewDto], nullable: true })
  contacts: ContactViewDto[] | null;
  @ApiProperty({ type: [InteractionViewDto] })
  interactions: InteractionViewDto[];
  @ApiProperty({ type: [HiringNeedViewDto] })
  needs: HiringNeedViewDto[];
  /** Partages en cours (structure propriétaire seulement). */
  @ApiProperty({ type: [CompanyShareViewDto], required: false })
  shares?: CompanyShareViewDto[];
  createdAt: Date;
  updatedAt: Date;
}

export class CompanySummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  siret: string | null;
  @ApiProperty({ type: String, nullable: true })
  communeCode: string | null;
  @ApiProperty({ enum: sizeBands, nullable: true })
  sizeBand: string | null;
  updatedAt: Date;
}

export class CompanyShareDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  withContacts: boolean;
  sharedAt: Date;
  /** La mutualisation relancée par ce partage (GET /api/pooling-runs/{id}). */
  @ApiProperty({ format: 'uuid' })
  poolingRunId: string;
}

export class CompanyShareWithdrawalDto {
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  @ApiProperty({ enum: [true] })
  withdrawn: true;
  @ApiProperty({ format: 'uuid' })
  poolingRunId: string;
}

export class ContactRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  companyName: string;
  @ApiProperty({ type: String, nullable: true })
  firstName: string | null;
  @ApiProperty({ type: String, nullable: true })
  lastName: string | null;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true })
  emailNormalised: string | null;
  @ApiProperty({ type: String, nullable: true })
  phoneE164: string | null;
  @ApiProperty({ type: String, nullable: true })
  role: string | null;
  @ApiProperty({ type: String, nullable: true })
  preferredChannel: string | null;
  createdAt: Date;
}

export class ContactInteractionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  companyId: string;
  @ApiProperty({ enum: interactionKinds })
  kind: string;
  @ApiProperty({ format: 'date' })
  occurredOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  bySiaeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  byUserId: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  /** L'échange nomme ce contact. */
  namesContact: boolean;
}

export class ContactSharedWithDto {
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  collectiveName: string;
  sharedAt: Date;
  @ApiProperty({ type: Date, nullable: true })
  withdrawnAt: Date | null;
}

export class PooledMentionDto {
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  /** Le champ qui mentionne la personne (raison de pause, note de sollicitation). */
  field: string;
  text: string;
}

export class ContactAuditEntryDto {
  at: Date;
  action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true })
  actorName: string | null;
  subjectType: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  context: Record<string, unknown>;
}

/** Export RGPD d'un contact d'entreprise. */
export class ContactExportDto {
  exportedAt: Date;
  notice: string;
  siae: IdNameDto;
  contact: ContactRecordDto;
  /** La même personne sur d'autres fiches de la structure : effacée avec celle-ci. */
  @ApiProperty({ type: [ContactRecordDto] })
  sameOnOtherRecords: ContactRecordDto[];
  @ApiProperty({ type: [ContactInteractionDto] })
  interactions: ContactInteractionDto[];
  /** Collectifs avec lesquels la fiche a été partagée avec ses contacts. */
  @ApiProperty({ type: [ContactSharedWithDto] })
  sharedWith: ContactSharedWithDto[];
  @ApiProperty({ type: [PooledMentionDto] })
  pooledMentions: PooledMentionDto[];
  @ApiProperty({ type: [ContactAuditEntryDto] })
  auditTrail: ContactAuditEntryDto[];
}

export class ContactErasureDto {
  erasedAt: Date;
  alreadyErased: boolean;
  /** Fiches contact supprimées (celle-ci et la même personne sur les autres fiches de la structure). */
  contactsErased: number;
}
