import { CsrfField, ScrollRegion } from '../../../platform/web/components';
import { Layout } from '../../../platform/web/layout';
import type { EventDto } from '../dto/event.dto';
import type { InvitationDto } from '../dto/invitation.dto';
import type { RegistrationDto } from '../dto/registration.dto';
import type { EventStatus, InvitationStatus, RegistrationStatus } from '../events-vocabulary';
import { frenchDay, slotLabel } from './page-format';

export const eventStatusLabels: Record<EventStatus, string> = {
  draft: 'Brouillon',
  open: 'Inscriptions ouvertes',
  planning: 'Planification',
  published: 'Planning publié',
  running: 'En cours',
  closed: 'Clos',
  cancelled: 'Annulé',
};
const invitationLabels: Record<InvitationStatus, string> = {
  sent: 'Invitée',
  confirmed: 'Confirmée',
  declined: 'Déclinée',
};
const registrationLabels: Record<RegistrationStatus, string> = {
  pending: 'En attente de décision',
  accepted: 'Acceptée',
  waitlisted: 'Liste d’attente',
  declined: 'Refusée',
  withdrawn: 'Retirée',
};

export interface BookedCell {
  slotId: string;
  table: number;
  companyName: string;
}

/** The organisers' page of an event: quotas, employers by answer, registrations, and the room (tables × slots). */
export function StaffEventPage({
  event,
  invitations,
  registrations,
  cells,
  who,
  csrf,
}: {
  event: EventDto;
  invitations: InvitationDto[];
  registrations: RegistrationDto[];
  cells: BookedCell[];
  who: string;
  csrf: string;
}) {
  const count = (s: InvitationStatus) => invitations.filter((i) => i.status === s && !i.revokedAt).length;
  const byCell = new Map(cells.map((c) => [`${c.slotId}:${c.table}`, c.companyName]));
  const tables = Array.from({ length: event.tableCount }, (_, i) => i + 1);
  return (
    <Layout title={event.title} who={who} wide>
      <h1>{event.title}</h1>
      <p>
        <strong>{eventStatusLabels[event.status]}</strong>
        {` — ${frenchDay(event.date)}, ${event.place.address}, ${event.place.communeName}`}
      </p>

      <h2>Employeurs</h2>
      <p>{`${count('sent')} invité(s) sans réponse, ${count('confirmed')} confirmé(s), ${count('declined')} décliné(s).`}</p>
      <ScrollRegion label="Employeurs invités">
        <table>
          <caption class="muted">Entreprises invitées et leur réponse</caption>
          <thead>
            <tr>
              <th scope="col">Entreprise</th>
              <th scope="col">Réponse</th>
              <th scope="col">Tables</th>
              <th scope="col">Emplacements</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr>
                <th scope="row">{i.companyName}</th>
                <td>
                  {i.revokedAt ? 'Lien désactivé' : invitationLabels[i.status]}
                  {i.declineReason ? ` (${i.declineReason})` : ''}
                </td>
                <td>{i.tablesWanted ?? '—'}</td>
                <td>{i.cellsBooked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2>Places par structure</h2>
      <ScrollRegion label="Places par structure">
        <table>
          <caption class="muted">Quota de candidat·es par structure</caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Places</th>
              <th scope="col">Occupées</th>
              <th scope="col">Liste d’attente</th>
            </tr>
          </thead>
          <tbody>
            {event.quotas.map((q) => (
              <tr>
                <th scope="row">{q.siaeName}</th>
                <td>{q.places}</td>
                <td>{q.used}</td>
                <td>{q.waitlisted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2>Candidat·es inscrit·es</h2>
      {registrations.length === 0 ? <p>Aucune inscription pour le moment.</p> : null}
      {registrations.length > 0 ? (
        <ScrollRegion label="Candidat·es inscrit·es">
          <table>
            <caption class="muted">Inscriptions par les CIP (profils pseudonymisés)</caption>
            <thead>
              <tr>
                <th scope="col">Candidat·e</th>
                <th scope="col">Structure</th>
                <th scope="col">État</th>
                <th scope="col">Entretiens max</th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr>
                  <th scope="row">{r.pseudonym}</th>
                  <td>{r.siaeName}</td>
                  <td>{registrationLabels[r.status]}</td>
                  <td>{r.maxInterviews}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}

      <h2>Salle : tables et créneaux</h2>
      <p>{`${cells.length} emplacement(s) réservé(s) sur ${event.slots.length * event.tableCount}.`}</p>
      <ScrollRegion label="Salle : tables et créneaux">
        <table>
          <caption class="muted">Chaque case indique l’entreprise installée à la table pendant le créneau</caption>
          <thead>
            <tr>
              <th scope="col">Créneau</th>
              {tables.map((t) => (
                <th scope="col">{`Table ${t}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {event.slots.map((slot) => (
              <tr>
                <th scope="row">{slotLabel(slot)}</th>
                {tables.map((t) => {
                  const company = byCell.get(`${slot.id}:${t}`);
                  return <td class={company ? 'cell-taken' : 'cell-free'}>{company ?? 'Libre'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <form method="post" action="/equipe/deconnexion">
        <CsrfField token={csrf} />
        <button type="submit" class="secondary">
          Se déconnecter
        </button>
      </form>
    </Layout>
  );
}
