import { ApiProperty } from '@nestjs/swagger';
import { evidenceLevels } from '../candidate-vocabulary';

/** A skill as an employer sees it: its label and how it is attested, never the CIP's note. */
export class EmployerSkillDto {
  @ApiProperty()
  label: string;
  @ApiProperty({ enum: evidenceLevels })
  evidenceLevel: string;
}

/**
 * The pseudonymised profile an employer sees, wherever it sees one (a proposal through its link, the profiles of a job
 * dating it was invited to): never a name, a phone, an e-mail or an address. Each view adds what its own flow knows
 * (events: the profile's id for the event, the CIP's note, the match reasons, the employer's requests).
 */
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
  @ApiProperty({ type: [String], description: 'Métiers visés' })
  targetJobs: string[];
  @ApiProperty({ type: [EmployerSkillDto] })
  skills: EmployerSkillDto[];
  @ApiProperty({ type: [String], description: 'Savoir-être, en français' })
  softSkills: string[];
}
