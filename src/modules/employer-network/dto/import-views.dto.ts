import { ApiProperty } from '@nestjs/swagger';

/** Response of the CSV import of a company list. */

export class ImportLineReportDto {
  /** Numéro de ligne dans le fichier (l'en-tête est la ligne 1). */
  line: number;
  @ApiProperty({ enum: ['créée', 'déjà présente'] })
  outcome: 'créée' | 'déjà présente';
  /** L'entreprise créée ou reconnue (null en dryRun pour une ligne qui serait créée). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  companyId: string | null;
  /** En français : « créée », ou « déjà présente : « … », reconnue par … (mise à jour de : … ; contact ajouté) ». */
  message: string;
}

export class ImportResultDto {
  dryRun: boolean;
  /** Encodage détecté : `utf-8` ou `windows-1252`. */
  encoding: string;
  /** Séparateur détecté : `;`, `,` ou tabulation. */
  separator: string;
  /** Champ → nom de la colonne du fichier qui le porte. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  columns: Record<string, string>;
  ignoredColumns: string[];
  /** Lignes de données lues. */
  lines: number;
  /** Entreprises créées. */
  companies: number;
  /** Contacts ajoutés. */
  contacts: number;
  /** Lignes reconnues comme une entreprise déjà présente… */
  existing: number;
  /** … dont celles qui ont complété au moins un champ vide. */
  updated: number;
  @ApiProperty({ type: [ImportLineReportDto] })
  report: ImportLineReportDto[];
  /** Le compte rendu s'arrête à 5 000 lignes. */
  reportTruncated: boolean;
}
