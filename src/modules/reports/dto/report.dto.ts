import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { eventStatuses, type EventStatus } from '../../events/events-vocabulary';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** La période d'un bilan de collectif : événements dont la date est entre `from` et `to` inclus. */
export class ReportPeriodQueryDto {
  /** Premier jour (AAAA-MM-JJ). */
  @ApiProperty({ example: '2026-01-01', format: 'date' })
  @Matches(DATE, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date AAAA-MM-JJ' })
  from: string;

  /** Dernier jour (AAAA-MM-JJ), au plus 366 jours après `from`. */
  @ApiProperty({ example: '2026-12-31', format: 'date' })
  @Matches(DATE, { message: 'doit être une date AAAA-MM-JJ' })
  @IsISO8601({ strict: true }, { message: 'doit être une date AAAA-MM-JJ' })
  to: string;
}

export class ReportEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  title: string;
  /** Jour de l'événement (AAAA-MM-JJ). */
  @ApiProperty({ format: 'date' })
  date: string;
  @ApiProperty({ enum: eventStatuses })
  status: EventStatus;
}

/** Employeurs : invités (invitations non retirées), réponses, et présence le jour J (pointage). */
export class EmployerFiguresDto {
  invited: number;
  confirmed: number;
  declined: number;
  present: number;
  /** Employeurs attendus marqués absents. */
  absent: number;
  /** Employeurs partis avant la fin. */
  leftEarly: number;
}

/** Candidat·es : inscrit·es (hors retraits et refus), accepté·es, présent·es, absent·es, venu·es sans inscription. */
export class CandidateFiguresDto {
  registered: number;
  accepted: number;
  present: number;
  absent: number;
  walkIns: number;
  /** Candidat·es ayant eu au moins un entretien. */
  withInterview: number;
  /** Part des présent·es (des accepté·es tant que personne n'est pointé) ayant eu au moins un entretien, entre 0 et 1. */
  @ApiProperty({ type: Number, nullable: true })
  coverage: number | null;
}

/** Les mêmes chiffres pour les candidat·es d'une structure, avec ses entretiens et ses embauches. */
export class SiaeFiguresDto {
  @ApiProperty({ format: 'uuid' })
  siaeId: string;
  siaeName: string;
  registered: number;
  accepted: number;
  present: number;
  absent: number;
  walkIns: number;
  withInterview: number;
  interviews: number;
  hires: number;
}

/** Entretiens du planning : prévus (hors annulés), tenus, annulés, non venus. */
export class InterviewFiguresDto {
  planned: number;
  held: number;
  cancelled: number;
  noShow: number;
}

export class ContractCountDto {
  /** Type de contrat (cdi, cdd, interim, apprenticeship, professionalisation, iae, other). */
  contractType: string;
  count: number;
}

/** Suites des entretiens déclarées par les employeurs et les CIP. */
export class OutcomeFiguresDto {
  recorded: number;
  none: number;
  secondInterview: number;
  immersion: number;
  hire: number;
  @ApiProperty({ type: [ContractCountDto] })
  hiresByContract: ContractCountDto[];
  /** Jours entre l'événement et le premier jour de chaque embauche. */
  @ApiProperty({ type: [Number] })
  daysToHire: number[];
  @ApiProperty({ type: Number, nullable: true })
  daysToHireMedian: number | null;
  @ApiProperty({ type: Number, nullable: true })
  daysToHireAverage: number | null;
}

/** Le planning courant : statut du solveur, valeur, borne et écart à l'optimum. */
export class PlanFiguresDto {
  @ApiProperty({ enum: ['optimal', 'feasible'], nullable: true })
  status: 'optimal' | 'feasible' | null;
  @ApiProperty({ type: Number, nullable: true })
  objective: number | null;
  @ApiProperty({ type: Number, nullable: true })
  bound: number | null;
  /** Borne − valeur, comme le calcul de planning l'enregistre (0 = optimal prouvé). */
  @ApiProperty({ type: Number, nullable: true })
  gap: number | null;
  /** Écart relatif à l'optimum : (borne − valeur) / borne, entre 0 et 1. */
  @ApiProperty({ type: Number, nullable: true })
  relativeGap: number | null;
}

/** Bilan d'impact d'un événement. */
export class EventReportDto {
  @ApiProperty({ type: ReportEventDto })
  event: ReportEventDto;
  /** Instant de calcul du bilan. */
  generatedAt: Date;
  @ApiProperty({ type: EmployerFiguresDto })
  employers: EmployerFiguresDto;
  @ApiProperty({ type: CandidateFiguresDto })
  candidates: CandidateFiguresDto;
  @ApiProperty({ type: [SiaeFiguresDto] })
  bySiae: SiaeFiguresDto[];
  @ApiProperty({ type: InterviewFiguresDto })
  interviews: InterviewFiguresDto;
  @ApiProperty({ type: OutcomeFiguresDto })
  outcomes: OutcomeFiguresDto;
  @ApiProperty({ type: PlanFiguresDto, nullable: true })
  plan: PlanFiguresDto | null;
}

/** Totaux d'un collectif sur une période (taux et délais recalculés sur l'ensemble, pas moyennés). */
export class ReportTotalsDto {
  events: number;
  @ApiProperty({ type: EmployerFiguresDto })
  employers: EmployerFiguresDto;
  @ApiProperty({ type: CandidateFiguresDto })
  candidates: CandidateFiguresDto;
  @ApiProperty({ type: [SiaeFiguresDto] })
  bySiae: SiaeFiguresDto[];
  @ApiProperty({ type: InterviewFiguresDto })
  interviews: InterviewFiguresDto;
  @ApiProperty({ type: OutcomeFiguresDto })
  outcomes: OutcomeFiguresDto;
  /** Écart relatif moyen à l'optimum des plannings des événements, entre 0 et 1. */
  @ApiProperty({ type: Number, nullable: true })
  averageRelativeGap: number | null;
}

/** Bilan d'impact d'un collectif sur une période. */
export class CollectiveReportDto {
  @ApiProperty({ format: 'uuid' })
  collectiveId: string;
  collectiveName: string;
  @ApiProperty({ format: 'date' })
  from: string;
  @ApiProperty({ format: 'date' })
  to: string;
  generatedAt: Date;
  @ApiProperty({ type: [EventReportDto] })
  events: EventReportDto[];
  @ApiProperty({ type: ReportTotalsDto })
  totals: ReportTotalsDto;
}
