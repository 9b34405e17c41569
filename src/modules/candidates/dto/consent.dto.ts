import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { consentScopes, type ConsentScope } from '../candidate-vocabulary';
import { MultilineText } from '../../../platform/input/text-rules';

export class RecordConsentDto {
  @ApiProperty({
    enum: consentScopes,
    description:
      'collective = les autres SIAE de mes collectifs ; employers = les employeurs des événements où je suis proposé·e.',
  })
  @IsIn(consentScopes)
  scope: ConsentScope;

  @ApiProperty({ description: 'Le texte montré (ou lu) à la personne, conservé tel quel comme preuve.' })
  @MultilineText()
  @IsString()
  @Length(10, 5000)
  wording: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  documentRef?: string | null;

  @ApiPropertyOptional({ description: 'Quand la personne a consenti (par défaut : maintenant).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  givenAt?: string;
}
