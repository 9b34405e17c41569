import { layout, RenderedMail } from './layout';

/** Every e-mail the product sends, in French, with the variables each one needs (checked at compile time). */
export const mailTemplates = {
  'user-invitation': (v: {
    inviterName: string;
    organisation: string;
    role: string;
    url: string;
    expiresAt: Date;
  }): RenderedMail =>
    layout(
      `Invitation à rejoindre ${v.organisation} sur Maillage`,
      [
        'Bonjour,',
        `${v.inviterName} vous invite à rejoindre ${v.organisation} sur Maillage, en tant que ${v.role}.`,
        `Ce lien est personnel et utilisable une seule fois, jusqu'au ${v.expiresAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}.`,
      ],
      { label: 'Accepter l’invitation', url: v.url },
    ),
  'collective-invitation': (v: { collective: string; siae: string; inviterName: string; url: string }): RenderedMail =>
    layout(
      `${v.collective} invite ${v.siae} à rejoindre le collectif`,
      [
        'Bonjour,',
        `${v.inviterName} propose à ${v.siae} de rejoindre le collectif « ${v.collective} » sur Maillage.`,
        'En tant que direction de la structure, vous pouvez accepter ou refuser cette invitation.',
      ],
      { label: 'Voir l’invitation', url: v.url },
    ),
  'password-changed': (v: { displayName: string }): RenderedMail =>
    layout('Votre mot de passe Maillage a été modifié', [
      `Bonjour ${v.displayName},`,
      'Le mot de passe de votre compte vient d’être modifié et toutes vos sessions ont été fermées.',
      'Si vous n’êtes pas à l’origine de ce changement, prévenez immédiatement la direction de votre structure.',
    ]),
};

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateVars<T extends MailTemplateName> = Parameters<(typeof mailTemplates)[T]>[0];
