import { authErrors } from '../auth/auth.errors';
import { constraintMeanings, registerConstraintErrors, registerServerOnlyConstraints } from './constraint-errors';

// Constraints of the platform's own tables (accounts, tokens, employer links), beside those links.errors.ts registers.
registerConstraintErrors({
  UQ_app_user_email: authErrors.emailTaken,
  CHK_employer_link_kind: constraintMeanings.invalid("Le type d'un lien employeur n'est pas reconnu."),
  CHK_employer_link_scope_object: constraintMeanings.invalid("La portée d'un lien employeur doit être un objet."),
});

registerServerOnlyConstraints({
  FK_access_token_user: 'a session token is issued by the login for the account that just signed in',
  UQ_access_token_hash: 'hash of random bytes drawn by the token service',
  CK_app_user_email_lowercase:
    'every path that writes an account lowercases the e-mail first (DTO transform, invitation)',
  FK_employer_session_link: 'a session is opened by exchanging a link the service just verified',
  CK_mail_message_status: "the mail queue's state machine writes the status",
  CK_mail_message_attachments_array: 'MailService writes the list of attachments (default empty), no request does',
});
