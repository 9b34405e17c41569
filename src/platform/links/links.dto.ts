import { IsString, MaxLength } from 'class-validator';

export class ExchangeLinkDto {
  /** Le jeton du lien personnel reçu par e-mail (la partie après `/lien/`). */
  @IsString()
  @MaxLength(200)
  token: string;
}

export class EmployerSessionDto {
  /** Le type de lien : `event_company` (une entreprise invitée à un événement), `proposal` (une proposition)… */
  kind: string;
  /** Les identifiants que le lien ouvre, par exemple `{ eventId, companyId }`. */
  scope: Record<string, string>;
  expiresAt: Date;
  /** Jeton anti-CSRF à renvoyer dans l'en-tête `x-csrf-token` de chaque requête qui modifie quelque chose. */
  csrfToken: string;
  /** La page où l'employeur arrive. */
  landingPath: string;
}
