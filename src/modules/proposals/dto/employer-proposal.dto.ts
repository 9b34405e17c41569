import { ApiProperty } from '@nestjs/swagger';
import { EmployerProfileDto } from '../../candidates/dto/employer-profile.dto';
import { proposalStatuses, type ProposalStatus } from '../proposals-vocabulary';
import { AppellationRefDto, HireViewDto, InterviewViewDto, RefusalViewDto } from './proposal.dto';

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
