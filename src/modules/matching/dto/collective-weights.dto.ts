import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsObject } from 'class-validator';

const overridesExample = {
  contractEnd: { max: 10, windowDays: 120 },
  accommodations: { excludeWhenFrenchNotAccepted: false },
};

/**
 * Le corps de `PUT /api/collectives/:collectiveId/matching-weights`. Les pondérations sont un objet libre pour le
 * validateur des DTO : c'est `mergeWeights` (module matching) qui le vérifie, clé par clé, et refuse les clés inconnues.
 */
export class PutCollectiveWeightsDto {
  /**
   * Les pondérations propres au collectif, par-dessus celles par défaut (mêmes clés, toutes facultatives). `{}` revient
   * aux pondérations par défaut.
   */
  @ApiProperty({ type: 'object', additionalProperties: true, example: overridesExample })
  @IsDefined({ message: 'obligatoire ({} pour revenir aux pondérations par défaut)' })
  @IsObject({ message: 'doit être un objet' })
  overrides: Record<string, unknown>;
}

export class WeightsChangeDto {
  /** Quand les pondérations ont été modifiées pour la dernière fois. */
  @ApiProperty()
  at: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true })
  displayName: string | null;
}

export class CollectiveWeightsDto {
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;

  /** Les pondérations appliquées aux listes de matching du collectif : celles par défaut, complétées par les siennes. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  weights: object;

  /** Les pondérations propres au collectif, telles qu'enregistrées ; null = pondérations par défaut. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: overridesExample })
  overrides: object | null;

  /** Les pondérations par défaut, pour comparer. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  defaults: object;

  /** La dernière modification (journal d'audit), ou null si le collectif n'en a jamais fait. */
  @ApiProperty({ type: WeightsChangeDto, nullable: true })
  lastChange: WeightsChangeDto | null;
}
