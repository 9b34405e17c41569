import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One field that broke a rule (the `details` of VALIDATION_FAILED and of the codes a validator carries). */
export class FieldProblemDto {
  /** Chemin du champ, ex. `contacts.0.email`. */
  field: string;
  /** Règles non respectées, en français. */
  problems: string[];
  /** Code propre à la règle quand elle en a un (ex. `SIRET_INVALID`). */
  code?: string;
}

/**
 * The body of every 4xx and 5xx answer (see HttpExceptionFilter). `details` depends on the code: the field problems of a
 * validation, or an object documented with the code (e.g. IMPORT_INVALID's `errors`).
 */
export class ErrorDto {
  /** Code stable, lisible par une machine (ex. `SIAE_NOT_FOUND`). */
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;

  /** Message en français, qui énonce la règle et sa limite. */
  @ApiProperty({ example: 'Certaines données envoyées sont invalides.' })
  message: string;

  @ApiPropertyOptional({
    description:
      'Précisions selon le code : la liste des champs en erreur (validation), ou un objet décrit avec le code.',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblemDto) } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: FieldProblemDto[] | Record<string, unknown>;
}
