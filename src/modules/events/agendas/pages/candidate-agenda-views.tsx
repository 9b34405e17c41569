import { Notice } from '../../../../platform/web/components';
import { Layout } from '../../../../platform/web/layout';
import { frenchDay, hhmm } from '../../pages/page-format';
import type { CandidateAgendaDto } from '../dto/agenda.dto';

export const candidateAgendaPath = (registrationId: string) => `/agenda/${registrationId}`;
export const candidateIcsPath = (registrationId: string) => `/api/candidate-agenda/${registrationId}/agenda.ics`;

/**
 * The candidate's agenda on her phone (issue 15 §8): the day, the place and how to get there, then one card per
 * meeting — time, company, table. No script: "Ajouter à mon agenda" is a plain link to the .ics file, which a phone
 * hands to its calendar app. Short sentences: many readers are learning French.
 */
export function CandidateAgendaPage({ agenda }: { agenda: CandidateAgendaDto }) {
  const { event } = agenda;
  const live = agenda.meetings.filter((m) => !m.cancelled);
  const cancelled = agenda.meetings.filter((m) => m.cancelled);
  return (
    <Layout title={`Mon agenda — ${event.title}`}>
      <h1>Mon agenda</h1>
      <p>
        <strong>{event.title}</strong>
        <br />
        {`Le ${frenchDay(event.date)}.`}
      </p>
      <section class="card" aria-labelledby="lieu">
        <h2 id="lieu">Le lieu</h2>
        <p>{event.place}</p>
        {event.accessNotes ? <p>{`Accès : ${event.accessNotes}`}</p> : null}
      </section>
      <h2>{live.length > 1 ? `Mes ${live.length} entretiens` : 'Mon entretien'}</h2>
      {live.length === 0 ? (
        <p>Vous n’avez pas d’entretien prévu pour le moment. Votre conseiller·ère vous préviendra.</p>
      ) : null}
      <ol class="cards">
        {live.map((m) => (
          <li class="card">
            <p>
              <strong>{`${hhmm(m.startsAt)} – ${hhmm(m.endsAt)}`}</strong>
            </p>
            <p>{m.employer}</p>
            <p>{`Table ${m.tableNumber}`}</p>
          </li>
        ))}
      </ol>
      {cancelled.length > 0 ? (
        <Notice kind="warn" title={cancelled.length > 1 ? 'Entretiens annulés' : 'Entretien annulé'}>
          <ul>
            {cancelled.map((m) => (
              <li>{`${hhmm(m.startsAt)} — ${m.employer} : annulé.`}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {live.length > 0 ? (
        <p class="actions">
          <a class="button" href={candidateIcsPath(agenda.registrationId)} download="mon-agenda.ics">
            Ajouter à mon agenda
          </a>
        </p>
      ) : null}
      <p class="muted">
        Arrivez quelques minutes avant votre premier entretien. Si vous ne pouvez pas venir, prévenez votre
        conseiller·ère. Ce lien est personnel : ne le partagez pas.
      </p>
    </Layout>
  );
}
