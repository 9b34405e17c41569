import { ApiProperty } from '@nestjs/swagger';
import { proposalStatuses, type ProposalStatus } from '../proposals-vocabulary';
import { AppellationRefDto, HireViewDto, InterviewViewDto, RefusalViewDto } from './proposal.dto';

export class EmployerSkillDto {
  @ApiProperty()
  label: string;
  @ApiProperty({ description: 'declared, observed, certified' })
  evidenceLevel: string;
}

/** The pseudonymised profile an employer sees: never a name, a phone, an e-mail or an address. */
export class EmployerProfileDto {
  @ApiProperty()
  pseudonym: string;
  @ApiProperty({ description: 'Commune de résidence' })
  commune: string;
  @ApiProperty()
  mobilityRadiusKm: number;
  @ApiProperty({ type: String, nullable: true })
  availableFrom: string | null;
  @ApiProperty({ type: String, nullable: true })
  workTime: string | null;
  @ApiProperty({ type: [String] })
  targetJobs: string[];
  @ApiProperty({ type: [EmployerSkillDto] })
  skills: EmployerSkillDto[];
  @ApiProperty({ type: [String], description: 'Savoir-être, en français' })
  softSkills: string[];
}

/** Shown only once the employer asked for an interview, and only if the person agreed. */
export class RevealedIdentityDto {
  @ApiProperty()
  firstName: string;
  @ApiProperty()
  lastName: string;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
}

export class CipContactDto {
  @ApiProperty({ description: 'La ou le CIP qui accompagne la personne' })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({ description: 'Sa structure' })
  siaeName: string;
}

export class EmployerProposalDto {
  @ApiProperty({ format: 'uuid' })
  proposalId: string;
  @ApiProperty({ enum: proposalStatuses })
  status: ProposalStatus;
  @ApiProperty()
  companyName: string;
  @ApiProperty({ type: AppellationRefDto })
  appellation: AppellationRefDto;
  @ApiProperty({ description: 'Le collectif de structures d’insertion' })
  collectiveName: string;
  @ApiProperty({ type: String, nullable: true })
  message: string | null;
  @ApiProperty({ type: EmployerProfileDto })
  profile: EmployerProfileDto;
  @ApiProperty({ type: [String], description: 'Pourquoi ce profil correspond au besoin (moteur de rapprochement)' })
  reasons: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Adéquation entre 0 et 1 (null : candidature spontanée)' })
  score: number | null;
  @ApiProperty({ type: InterviewViewDto, nullable: true })
  interview: InterviewViewDto | null;
  @ApiProperty({ type: RefusalViewDto, nullable: true })
  refusal: RefusalViewDto | null;
  @ApiProperty({ type: HireViewDto, nullable: true })
  hire: HireViewDto | null;
  @ApiProperty({ type: RevealedIdentityDto, nullable: true })
  identity: RevealedIdentityDto | null;
  @ApiProperty({ type: CipContactDto })
  cip: CipContactDto;
}
