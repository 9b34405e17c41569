import { ApiProperty } from '@nestjs/swagger';

export class SiaeCommuneDto {
  /** Code INSEE de la commune. */
  @ApiProperty({ example: '69123' })
  code: string;

  /** Nom de la commune (null tant que le référentiel des communes n'est pas chargé). */
  @ApiProperty({ type: String, nullable: true, example: 'Lyon' })
  name: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 45.758 })
  latitude: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 4.835 })
  longitude: number | null;
}
