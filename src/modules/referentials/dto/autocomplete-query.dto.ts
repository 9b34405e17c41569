import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AutocompleteQueryDto {
  /** Ce que l'utilisateur a tapé (2 à 100 caractères) : des débuts de mots, sans se soucier des accents. */
  @Transform(trim)
  @IsString()
  @Length(2, 100, { message: 'doit contenir entre 2 et 100 caractères' })
  q: string;

  /** Nombre maximal de résultats (1 à 50, 10 par défaut). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'doit être un nombre entier' })
  @Min(1, { message: 'doit être au moins 1' })
  @Max(50, { message: 'doit être au plus 50' })
  limit?: number;
}
