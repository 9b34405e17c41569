import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CommuneCodeParamsDto {
  /** Code INSEE de la commune (5 caractères, 2A/2B pour la Corse), ex. `69123`. */
  @Transform(upper)
  @IsString()
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: 'doit être un code INSEE de commune (5 caractères, ex. 69123)' })
  code: string;
}

export class FicheCodeParamsDto {
  /** Code de la fiche ROME, ex. `A1203`. */
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z][0-9]{4}$/, { message: 'doit être un code ROME (une lettre et 4 chiffres, ex. A1203)' })
  code: string;
}
