import { ApiProperty } from '@nestjs/swagger';
import { smsEncodings, type SmsEncoding } from '../../../notifications/sms/sms-encoding';
import { dispatchStatuses, type DispatchStatus } from '../../../notifications/dispatch/reminder-dispatch.entity';

export class ReminderSmsDto {
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] })
  status: 'pending' | 'sent' | 'failed';
  @ApiProperty({ description: 'Fournisseur (log tant qu’aucun contrat n’est passé)' })
  provider: string;
  @ApiProperty({ description: 'Numéro masqué (deux derniers chiffres)' })
  to: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
  @ApiProperty({
    enum: smsEncodings,
    nullable: true,
    description:
      'GSM-7, ou UCS-2 quand un caractère n’a pas d’équivalent GSM (null : SMS journalisé avant cette mesure)',
  })
  encoding: SmsEncoding | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Nombre de segments facturés (3 au plus)' })
  segments: number | null;
}

export class ReminderMailDto {
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] })
  status: 'pending' | 'sent' | 'failed';
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

/** Une ligne du journal des rappels : un envoi réservé par (personne, type) et ce qu'il est devenu. */
export class ReminderLogRowDto {
  @ApiProperty({ format: 'uuid' })
  dispatchId: string;
  @ApiProperty({ enum: ['candidate', 'employer'] })
  personType: 'candidate' | 'employer';
  @ApiProperty({ format: 'uuid', description: 'Inscription (candidat·e) ou invitation (employeur)' })
  personId: string;
  @ApiProperty({ description: 'Pseudonyme ou nom de l’entreprise' })
  label: string;
  @ApiProperty({ example: 'event_reminder_j2' })
  kind: string;
  @ApiProperty({ enum: dispatchStatuses })
  status: DispatchStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Pourquoi rien n’a été envoyé : superseded, event_cancelled, event_not_published, event_started, registration_withdrawn, invitation_withdrawn, meeting_cancelled, no_contact',
  })
  skipReason: string | null;
  @ApiProperty({ format: 'date-time' })
  dueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  processedAt: string | null;
  @ApiProperty({ type: ReminderSmsDto, nullable: true })
  sms: ReminderSmsDto | null;
  @ApiProperty({ type: ReminderMailDto, nullable: true })
  mail: ReminderMailDto | null;
}
