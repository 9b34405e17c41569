import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

/** Filters and page shared by both match lists. */
export class MatchesQueryDto {
  @ApiPropertyOptional({
    description:
      'Rayon de recherche autour du lieu (km, 1 à 200). Candidats pour un besoin : défaut 30 km autour du lieu de travail. Offres pour un·e candidat·e : défaut = son rayon de mobilité. Le rayon de mobilité de la personne reste toujours une limite.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  radiusKm?: number;

  @ApiPropertyOptional({ description: 'Ne garder que ce domaine professionnel ROME (3 caractères, ex. K22).' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][0-9]{2}$/, { message: 'doit être un domaine ROME (ex. K22)' })
  domain?: string;

  @ApiPropertyOptional({
    description: 'Score minimal, en points (même unité que `score`, 100 au plus avec les poids par défaut).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  minScore?: number;

  @ApiPropertyOptional({
    description: 'Candidats pour un besoin : disponibles au plus tard à cette date (AAAA-MM-JJ).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  availableBy?: string;

  @ApiPropertyOptional({
    description:
      "Collectif dont les pondérations classent la liste (votre structure doit en être membre active). Sans lui : celles de votre collectif si vous n'en avez qu'un, sinon les pondérations par défaut.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'doit être un identifiant (UUID)' })
  collectiveId?: string;

  @ApiPropertyOptional({ description: 'Résultats à sauter (défaut 0).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset?: number;

  @ApiPropertyOptional({ description: 'Résultats par page (défaut 20, au plus 100).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
