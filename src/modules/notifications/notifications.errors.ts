import { registerServerOnlyConstraints } from '../../platform/errors/constraint-errors';

/**
 * Nothing a client sends reaches these tables: the services and jobs write them. A second claim of the same
 * (event, person, kind) is not a violation either: `DispatchService.claim` inserts with ON CONFLICT DO NOTHING and
 * reads "already claimed" from the empty RETURNING.
 */
registerServerOnlyConstraints({
  UQ_reminder_dispatch_person_kind: 'claimed with ON CONFLICT DO NOTHING: a second claim returns null, never raises',
  CK_reminder_dispatch_status: 'the dispatch moves queued → sent | skipped in DispatchService only',
  CK_reminder_dispatch_kind: 'kinds are constants of the claiming module',
  CK_reminder_dispatch_person_type: 'person types are constants of the claiming module',
  CK_reminder_dispatch_skip_reason: 'markSkipped and claim write the reason with the status',
  CK_reminder_dispatch_processed: 'markSent / markSkipped write processed_at with the status',
  FK_reminder_dispatch_mail: 'the mail row is written in the same transaction',
  FK_reminder_dispatch_sms: 'the sms row is written in the same transaction',
  CK_sms_message_status: 'the send job moves pending → sent | failed',
  CK_sms_message_phone_kept_while_pending: 'SmsService writes the number; the job clears it only with a final status',
  CK_sms_message_encoding: 'SmsService writes the encoding composeSms measured',
  CK_sms_message_segments: 'composeSms fits every body to SMS_MAX_SEGMENTS',
});
