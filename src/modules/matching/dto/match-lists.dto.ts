import { ApiProperty } from '@nestjs/swagger';
import { CodeLabelDto, CommuneRefDto, IdNameDto } from '../../../platform/openapi/common.dto';
import { contractTypes, needStatuses, type ContractType } from '../../employer-network/employer-network-vocabulary';
import { componentKeys, type ComponentKey } from '../engine/types';

/** Responses of the two match lists (`GET /hiring-needs/:id/matches`, `GET /candidates/:id/matches`). */

/** Une part du score, et sa raison. */
export class ScoreComponentDto {
  @ApiProperty({ enum: componentKeys })
  key: ComponentKey;
  /** Points donnés (négatifs pour une pénalité) ; le score est la somme de ces points. */
  points: number;
  /** Le maximum que cette part peut donner avec ces pondérations (0 pour une pure pénalité). */
  maxPoints: number;
  /** Pourquoi, en français, pour la personne qui lit la proposition. */
  reason: string;
}

/** Le score d'une paire et ses raisons, commun aux deux listes. */
export class ScoreDto {
  /** Σ components[].points, arrondi à 2 décimales. */
  score: number;
  /** Le meilleur score que ces pondérations permettent. */
  maxScore: number;
  /** score / maxScore, ramené entre 0 et 1. */
  normalizedScore: number;
  /** Distance entre les centres des communes, en km (null quand le besoin n'a pas de lieu). */
  @ApiProperty({ type: Number, nullable: true })
  distanceKm: number | null;
  @ApiProperty({ type: [ScoreComponentDto] })
  components: ScoreComponentDto[];
}

/** Ce qui est commun aux deux listes : la page, ce qui a été écarté, et les pondérations appliquées. */
export class MatchPageDto {
  /** Résultats classés au total (après filtres, avant la page). */
  total: number;
  /** Trouvés par le pré-filtre mais écartés par une règle stricte (rayon, permis, français). */
  excludedCount: number;
  offset: number;
  limit: number;
  /** Les pondérations qui ont classé la liste : celles d'un collectif, ou celles par défaut. */
  @ApiProperty({ enum: ['collective', 'default'] })
  weights: 'collective' | 'default';
  /** Le collectif dont les pondérations ont été demandées ou appliquées (null : plusieurs collectifs, aucun choisi). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  weightsCollectiveId: string | null;
}

export class CandidateMatchItemDto extends ScoreDto {
  @ApiProperty({ format: 'uuid' })
  candidateId: string;
  pseudonym: string;
  /** Vrai quand la personne est de ma structure. */
  mine: boolean;
  commune: CommuneRefDto;
}

export class MatchedNeedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  appellation: CodeLabelDto;
  @ApiProperty({ type: CommuneRefDto, nullable: true })
  place: CommuneRefDto | null;
}

export class CandidatesForNeedDto extends MatchPageDto {
  need: MatchedNeedDto;
  @ApiProperty({ type: [CandidateMatchItemDto] })
  items: CandidateMatchItemDto[];
}

export class NeedMatchItemDto extends ScoreDto {
  @ApiProperty({ format: 'uuid' })
  needId: string;
  company: IdNameDto;
  appellation: CodeLabelDto;
  /** Commune du lieu de travail (null : pas de lieu). */
  @ApiProperty({ type: CommuneRefDto, nullable: true })
  place: CommuneRefDto | null;
  positions: number;
  @ApiProperty({ enum: contractTypes })
  contractType: ContractType;
  /** Date de début souhaitée (AAAA-MM-JJ). */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;
  @ApiProperty({ type: Number, nullable: true })
  weeklyHours: number | null;
}

/** Où en est le budget de sollicitations du collectif pour une entreprise. */
export class SolicitationStateDto {
  last30Days: number;
  last7Days: number;
  maxPer30Days: number;
  maxPer7Days: number;
  /** Pause demandée par l'entreprise jusqu'à cette date incluse (AAAA-MM-JJ). */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  pausedUntil: string | null;
  /** Dans le budget et sans pause : une sollicitation serait acceptée sans dérogation de la coordination. */
  contactableNow: boolean;
}

export class BestNeedDto {
  @ApiProperty({ format: 'uuid' })
  needId: string;
  @ApiProperty({ enum: needStatuses })
  status: string;
  appellation: CodeLabelDto;
  score: number;
  normalizedScore: number;
  @ApiProperty({ type: Number, nullable: true })
  distanceKm: number | null;
}

export class PooledCompanyMatchItemDto {
  @ApiProperty({ format: 'uuid' })
  pooledCompanyId: string;
  name: string;
  @ApiProperty({ type: CommuneRefDto, nullable: true })
  commune: CommuneRefDto | null;
  /** Nombre de SIAE du collectif qui connaissent cette entreprise. */
  knownBySiae: number;
  /** Besoins ouverts de l'entreprise sur les métiers de la personne (dans le rayon). */
  openNeeds: number;
  /** Le besoin le mieux classé de l'entreprise (ouvert de préférence à score égal). */
  bestNeed: BestNeedDto;
  solicitation: SolicitationStateDto;
  /** Pourquoi l'entreprise est à cette place au-delà du score de son besoin (ex. : ne répond jamais aux propositions, classée plus bas). */
  @ApiProperty({ type: [String] })
  reasons: string[];
}

export class PooledCompanyMatchesDto {
  @ApiProperty({ type: [PooledCompanyMatchItemDto] })
  items: PooledCompanyMatchItemDto[];
  /** Entreprises mutualisées trouvées au total (la liste en montre 10 au plus). */
  total: number;
}

export class MatchedCandidateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class NeedsForCandidateDto extends MatchPageDto {
  candidate: MatchedCandidateDto;
  @ApiProperty({ type: [NeedMatchItemDto] })
  items: NeedMatchItemDto[];
  /** Entreprises mutualisées qui pourraient embaucher la personne, avec l'état de leur budget de sollicitations. */
  companies: PooledCompanyMatchesDto;
}
