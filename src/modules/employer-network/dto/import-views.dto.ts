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

export class ImportLineErrorDto {
  /** Numéro de ligne dans le fichier (l'en-tête est la ligne 1). */
  line: number;
  /** Le champ en cause (`name`, `siret`, `commune`…). */
  field: string;
  message: string;
}

export class ImportInvalidDetailsDto {
  /** Lignes de données lues. */
  lines: number;
  errorCount: number;
  /** Le compte rendu s'arrête aux 1 000 premières erreurs. */
  truncated: boolean;
  @ApiProperty({ type: [ImportLineErrorDto] })
  errors: ImportLineErrorDto[];
}

/** Pourquoi le fichier a été refusé (rien n'a été écrit) : la même réponse qu'une erreur de l'API. */
export class ImportRefusalDto {
  /** `IMPORT_INVALID` (compte rendu ligne par ligne) ou `IMPORT_UNREADABLE`. */
  code: string;
  message: string;
  @ApiProperty({ type: ImportInvalidDetailsDto, nullable: true })
  details: ImportInvalidDetailsDto | null;
}

/** Un import en arrière-plan : où il en est, puis son résultat (comme une mutualisation). */
export class CompanyImportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'invalid', 'failed'] })
  status: 'queued' | 'running' | 'done' | 'invalid' | 'failed';
  /** Étape en cours : `lecture`, `vérification`, `écriture` (null hors exécution). */
  @ApiProperty({ type: String, nullable: true, enum: ['lecture', 'vérification', 'écriture'] })
  phase: string | null;
  /** Où en est l'import, en français (« Écriture : 12 000 ligne(s) sur 45 000 »). */
  label: string;
  /** Lignes de données du fichier (0 tant qu'il n'est pas lu). */
  total: number;
  /** Lignes passées par l'étape en cours. */
  processed: number;
  percent: number;
  /** Le résultat une fois terminé (`done`) : les nombres et le compte rendu ligne par ligne. */
  @ApiProperty({ type: ImportResultDto, nullable: true })
  result: ImportResultDto | null;
  /** Fichier refusé (`invalid`) : le compte rendu des lignes en erreur ; rien n'a été écrit. */
  @ApiProperty({ type: ImportRefusalDto, nullable: true })
  errors: ImportRefusalDto | null;
  failedAttempts: number;
  /** Après la dernière tentative (`failed`) : l'erreur vue par le worker. */
  @ApiProperty({ type: String, nullable: true })
  failureReason: string | null;
  createdAt: Date;
  @ApiProperty({ type: Date, nullable: true })
  startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true })
  finishedAt: Date | null;
}
