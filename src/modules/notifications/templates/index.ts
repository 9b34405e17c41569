import { layout, RenderedMail } from './layout';
import { planMailTemplates } from './plan';
import { proposalTemplates } from './proposals';

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
  'event-invitation': (v: {
    collective: string;
    event: string;
    date: string;
    place: string;
    url: string;
    deadline: string | null;
    relaunch: boolean;
  }): RenderedMail =>
    layout(
      `${v.relaunch ? 'Relance : ' : ''}${v.collective} vous invite au ${v.event} du ${v.date}`,
      [
        'Bonjour,',
        `Les structures d’insertion du collectif « ${v.collective} » organisent « ${v.event} » le ${v.date} (${v.place}) et seraient heureuses d’y recevoir votre entreprise.`,
        'Ce lien personnel vous permet, sans créer de compte, de confirmer votre venue, de choisir vos tables et vos créneaux, de présenter vos besoins de recrutement et de découvrir les profils des candidat·es — ou de décliner.',
        ...(v.deadline ? [`Merci de répondre avant le ${v.deadline}.`] : []),
        'Ce lien est personnel : ne le transférez pas.',
      ],
      { label: 'Répondre à l’invitation', url: v.url },
    ),
  'event-reminder-candidate': (v: {
    event: string;
    date: string;
    place: string;
    accessNotes: string | null;
    meetings: string[];
    url: string;
    when: string;
  }): RenderedMail =>
    layout(
      `Rappel : ${v.event} ${v.when}, le ${v.date}`,
      [
        'Bonjour,',
        `Vous êtes attendu·e au « ${v.event} » le ${v.date}, ${v.place}.`,
        v.meetings.length > 1 ? 'Vos entretiens :' : 'Votre entretien :',
        ...v.meetings,
        ...(v.accessNotes ? [`Accès : ${v.accessNotes}`] : []),
        'Arrivez quelques minutes avant votre premier entretien. Si vous ne pouvez pas venir, prévenez votre conseiller·ère.',
        'Ce lien est personnel : il ouvre votre agenda, que vous pouvez ajouter à votre calendrier.',
      ],
      { label: 'Voir mon agenda', url: v.url },
    ),
  'event-reminder-employer': (v: {
    event: string;
    date: string;
    place: string;
    accessNotes: string | null;
    company: string;
    meetings: string[];
    url: string;
    when: string;
  }): RenderedMail =>
    layout(
      `Rappel : ${v.event} ${v.when}, le ${v.date} — vos entretiens`,
      [
        'Bonjour,',
        `Nous vous attendons au « ${v.event} » le ${v.date}, ${v.place}. Voici l’agenda de ${v.company} :`,
        ...v.meetings,
        ...(v.accessNotes ? [`Accès : ${v.accessNotes}`] : []),
        'Les personnes sont présentées par leur pseudonyme. Votre lien personnel ouvre votre agenda à jour (et son fichier pour votre calendrier).',
      ],
      { label: 'Voir notre agenda', url: v.url },
    ),
  'event-outcome-request': (v: { event: string; date: string; meetings: number; url: string }): RenderedMail =>
    layout(
      `Et après « ${v.event} » ? Dites-nous ce qu’ont donné vos entretiens`,
      [
        'Bonjour,',
        `Merci d’avoir participé à « ${v.event} » le ${v.date} : vous y avez rencontré ${v.meetings} candidat·e(s).`,
        'En deux minutes, sans compte, dites pour chacun·e ce qui a suivi : pas de suite, un second entretien, une immersion (PMSMP) ou une embauche. Les structures d’insertion pourront ainsi accompagner la suite.',
        'Ce lien est personnel : ne le transférez pas. Sur la page de l’événement, choisissez « Suites de vos entretiens ».',
      ],
      { label: 'Dire ce qu’ont donné mes entretiens', url: v.url },
    ),
  'password-changed': (v: { displayName: string }): RenderedMail =>
    layout('Votre mot de passe Maillage a été modifié', [
      `Bonjour ${v.displayName},`,
      'Le mot de passe de votre compte vient d’être modifié et toutes vos sessions ont été fermées.',
      'Si vous n’êtes pas à l’origine de ce changement, prévenez immédiatement la direction de votre structure.',
    ]),
  ...planMailTemplates,
  ...proposalTemplates,
};

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateVars<T extends MailTemplateName> = Parameters<(typeof mailTemplates)[T]>[0];
