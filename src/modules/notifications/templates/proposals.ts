import { layout, RenderedMail } from './layout';

/** The e-mails of proposals (src/modules/proposals): never the candidate's name or contact, only the pseudonym. */
export const proposalTemplates = {
  'proposal-received': (v: {
    collective: string;
    siae: string;
    pseudonym: string;
    job: string;
    message: string | null;
    url: string;
    relaunch: boolean;
  }): RenderedMail =>
    layout(
      `${v.relaunch ? 'Relance : ' : ''}Une candidature pour votre poste de ${v.job}`,
      [
        'Bonjour,',
        `${v.siae}, structure d’insertion du collectif « ${v.collective} », vous propose la candidature de ${v.pseudonym.replace(/\.$/, '')} pour le poste de ${v.job}.`,
        ...(v.message ? [`Son message : « ${v.message} »`] : []),
        'Ce lien personnel vous montre le profil et pourquoi il correspond, sans créer de compte. En un clic : « je veux la/le rencontrer » ou « pas maintenant ». Votre réponse, même négative, aide la personne à avancer.',
        'Ce lien est personnel : ne le transférez pas.',
      ],
      { label: 'Voir la candidature et répondre', url: v.url },
    ),
  'proposal-staff-notice': (v: { subject: string; lines: string[] }): RenderedMail =>
    layout(v.subject, ['Bonjour,', ...v.lines]),
};
