import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { importFields } from '../import/csv-table';

export class ImportCompaniesQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true : vérifie le fichier et rend le compte rendu sans rien écrire.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    description:
      `Correspondance champ → en-tête de colonne, en JSON (champs : ${importFields.join(', ')}). ` +
      'Exemple : {"name":"Raison sociale","siret":"SIRET","postcode":"CP","city":"Ville"}. ' +
      'Sans correspondance, les en-têtes usuels sont reconnus (accents et casse ignorés) : « Raison sociale », « Nom », « Entreprise », ' +
      '« SIRET », « Code INSEE », « Code postal », « CP », « Ville », « Commune », « Adresse », « Site web », « NAF », « Contact », « Prénom », ' +
      '« E-mail », « Téléphone », « Fonction ».',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  mapping?: string;
}
