import { layout, RenderedMail } from './layout';

/** The plan of a job dating (events/planning): what changed, said the same way to employers and CIPs. */
export type PlanChangeKind = 'published' | 'replanned' | 'meeting-cancelled';

export interface PlanMailLine {
  /** "09:00 – 09:15" (Europe/Paris). */
  time: string;
  table: number;
  /** The other side: the candidate's pseudonym for an employer, "pseudonym · employer" for a CIP. */
  who: string;
  cancelled: boolean;
}

const intro: Record<PlanChangeKind, string> = {
  published: 'Le planning des rencontres est publié.',
  replanned: 'Le planning des rencontres a changé.',
  'meeting-cancelled': 'Une rencontre prévue a été annulée par les organisateur·rices.',
};

const lines = (items: PlanMailLine[]) =>
  items.map((l) => `${l.time} · table ${l.table} · ${l.who}${l.cancelled ? ' — ANNULÉE' : ''}`);

export const planMailTemplates = {
  'event-plan-employer': (v: {
    change: PlanChangeKind;
    event: string;
    date: string;
    place: string;
    meetings: PlanMailLine[];
    url: string;
  }): RenderedMail =>
    layout(
      `${v.change === 'published' ? 'Votre planning' : 'Planning modifié'} : ${v.event} du ${v.date}`,
      [
        'Bonjour,',
        `${intro[v.change]} Voici vos rencontres à « ${v.event} » le ${v.date} (${v.place}) :`,
        ...(v.meetings.length ? lines(v.meetings) : ['Aucune rencontre prévue pour le moment.']),
        'Les profils des candidat·es sont visibles sur votre page, par votre lien personnel (ne le transférez pas).',
      ],
      { label: 'Voir mon planning', url: v.url },
    ),
  'event-plan-cip': (v: {
    change: PlanChangeKind;
    event: string;
    date: string;
    meetings: PlanMailLine[];
    url: string;
  }): RenderedMail =>
    layout(`${v.change === 'published' ? 'Rencontres de vos candidat·es' : 'Planning modifié'} : ${v.event}`, [
      'Bonjour,',
      `${intro[v.change]} Rencontres des candidat·es que vous avez inscrit·es à « ${v.event} » le ${v.date} :`,
      ...(v.meetings.length ? lines(v.meetings) : ['Aucune rencontre prévue pour le moment.']),
      `Le détail est sur Maillage : ${v.url}`,
    ]),
  'event-plan-candidate': (v: {
    change: PlanChangeKind;
    event: string;
    date: string;
    place: string;
    meetings: PlanMailLine[];
    url: string;
  }): RenderedMail =>
    layout(
      `${v.change === 'published' ? 'Votre planning' : 'Planning modifié'} : ${v.event} du ${v.date}`,
      [
        'Bonjour,',
        `${intro[v.change]} Vos entretiens à « ${v.event} » le ${v.date} (${v.place}) :`,
        ...(v.meetings.length
          ? lines(v.meetings)
          : ['Aucun entretien prévu pour le moment : votre conseiller·ère vous recontactera.']),
        'Ce lien est personnel : il ouvre votre agenda, que vous pouvez ajouter à votre calendrier.',
      ],
      { label: 'Voir mon agenda', url: v.url },
    ),
};
