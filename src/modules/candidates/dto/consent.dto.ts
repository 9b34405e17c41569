import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
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

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 50,
    description:
      'Portée collective seulement : les collectifs couverts, parmi ceux dont la structure de la personne est membre active (par défaut : tous ceux-là).',
  })
  @IsOptional()
  @IsArray({ message: 'doit être une liste de 1 à 50 identifiants de collectifs' })
  @ArrayMinSize(1, { message: 'doit être une liste de 1 à 50 identifiants de collectifs' })
  @ArrayMaxSize(50, { message: 'doit être une liste de 1 à 50 identifiants de collectifs' })
  @IsUUID('all', { each: true, message: 'chaque élément doit être un identifiant (UUID) de collectif' })
  collectiveIds?: string[];
}
