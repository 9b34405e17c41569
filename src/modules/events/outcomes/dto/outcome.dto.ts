import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { contractTypes, type ContractType } from '../../../employer-network/employer-network-vocabulary';
import { outcomeAuthors, outcomeKinds, type OutcomeAuthor, type OutcomeKind } from '../outcomes-vocabulary';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = { message: 'doit être une date AAAA-MM-JJ' };

/** La suite d'un entretien : rien, second entretien, immersion (PMSMP) ou embauche (contrat et date de début). */
export class RecordOutcomeDto {
  @ApiProperty({ enum: outcomeKinds })
  @IsIn(outcomeKinds, { message: `doit être une des valeurs : ${outcomeKinds.join(', ')}` })
  kind: OutcomeKind;

  /** Date de la décision (ou du second entretien, du début de l'immersion) : du jour de l'événement à aujourd'hui. */
  @ApiProperty({ format: 'date', example: '2027-03-15' })
  @Matches(DATE, dateMessage)
  @IsISO8601({ strict: true }, dateMessage)
  date: string;

  /** Embauche seulement (obligatoire alors). */
  @ApiPropertyOptional({ enum: contractTypes })
  @IsOptional()
  @IsIn(contractTypes, { message: `doit être une des valeurs : ${contractTypes.join(', ')}` })
  contractType?: ContractType;

  /** Embauche seulement (obligatoire alors) : premier jour du contrat, au plus tôt le jour de l'événement. */
  @ApiPropertyOptional({ format: 'date', example: '2027-04-01' })
  @IsOptional()
  @Matches(DATE, dateMessage)
  @IsISO8601({ strict: true }, dateMessage)
  startDate?: string;
}

/** Une suite enregistrée. */
export class OutcomeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  meetingId: string;
  @ApiProperty({ enum: outcomeKinds })
  kind: OutcomeKind;
  @ApiProperty({ format: 'date' })
  date: string;
  @ApiProperty({ enum: contractTypes, nullable: true })
  contractType: ContractType | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;
  @ApiProperty({ enum: outcomeAuthors })
  recordedBy: OutcomeAuthor;
  recordedAt: Date;
}

/** Un entretien de l'employeur et sa suite (profil pseudonymisé, jamais l'identité). */
export class EmployerMeetingOutcomeDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;
  /** Pseudonyme du profil partagé (« Candidat·e » si le consentement a été retiré). */
  pseudonym: string;
  startsAt: Date;
  endsAt: Date;
  tableNumber: number;
  /** L'entretien a eu lieu (ou a commencé) : sa suite peut être déclarée. */
  held: boolean;
  @ApiProperty({ type: OutcomeDto, nullable: true })
  outcome: OutcomeDto | null;
}

/** Un entretien d'un·e candidat·e de la structure et sa suite (vu par ses CIP et sa direction). */
export class StaffMeetingOutcomeDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;
  @ApiProperty({ format: 'uuid' })
  candidateId: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  companyName: string;
  startsAt: Date;
  endsAt: Date;
  tableNumber: number;
  held: boolean;
  @ApiProperty({ type: OutcomeDto, nullable: true })
  outcome: OutcomeDto | null;
}
