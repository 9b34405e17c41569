import type { BookedCell } from '../invitations/invitations.service';
import { CsrfField, Field, Notice, ProblemNotice, ScrollRegion } from '../../../platform/web/components';
import { Layout } from '../../../platform/web/layout';
import type { FormProblem } from '../../../platform/web/page-action';
import type { EventDto } from '../dto/event.dto';
import type { InvitationDto } from '../dto/invitation.dto';
import type { RegistrationDto } from '../dto/registration.dto';
import type { RegistrableCandidate } from '../registrations/registrations.service';
import { decisionMoves } from '../registrations/registrations.service';
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

/** What a staff action did, shown on the page it redirects to (post/redirect/get). */
export const doneMessages = {
  ouvert: 'Les inscriptions sont ouvertes : les structures membres ont leurs places.',
  inscrite: 'La personne est inscrite.',
  acceptee: 'L’inscription est acceptée.',
  attente: 'L’inscription est mise en liste d’attente.',
  refusee: 'L’inscription est refusée ; sa place est proposée à la liste d’attente.',
  places: 'Les places sont déplacées.',
  lien: 'Le lien de l’employeur est désactivé.',
} as const;
export type DoneKey = keyof typeof doneMessages;

const decisionLabels: Record<keyof typeof decisionMoves, string> = {
  accept: 'Accepter',
  waitlist: 'Liste d’attente',
  decline: 'Refuser',
};

/**
 * The staff page of an event: quotas, employers by answer, registrations, and the room (tables × slots), with the
 * organisers' actions (open, decide, move places, disable a link) and the CIPs' (register a candidate). Every action is
 * a plain form with its CSRF token; the destructive ones go through a confirmation page.
 */
export function StaffEventPage({
  event,
  invitations,
  registrations,
  registrable,
  cells,
  who,
  csrf,
  done,
  problem,
}: {
  event: EventDto;
  invitations: InvitationDto[];
  registrations: RegistrationDto[];
  registrable: RegistrableCandidate[];
  cells: BookedCell[];
  who: string;
  csrf: string;
  done?: DoneKey;
  problem?: FormProblem;
}) {
  const base = `/equipe/evenements/${event.id}`;
  const organiser = event.youOrganise;
  const deciding = organiser && ['open', 'planning'].includes(event.status);
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
      {organiser ? (
        <nav aria-label="Pages de l’événement">
          <a href={`${base}/planning`}>Planning</a> · <a href={`${base}/accueil`}>Accueil du jour</a> ·{' '}
          <a href={`${base}/direct`}>En direct</a>
        </nav>
      ) : null}
      {done ? (
        <Notice kind="ok">
          <p role="status">{doneMessages[done]}</p>
        </Notice>
      ) : null}
      <ProblemNotice title="Action refusée" problem={problem} />
      {organiser && event.status === 'draft' ? (
        <form method="post" action={`${base}/ouverture`}>
          <CsrfField token={csrf} />
          <div class="actions">
            <button type="submit">Ouvrir les inscriptions</button>
          </div>
        </form>
      ) : null}

      {organiser ? (
        <>
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
                  <th scope="col">Lien</th>
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
                    <td>
                      {i.revokedAt ? (
                        '—'
                      ) : (
                        <form method="post" action={`${base}/invitations/${i.id}/revocation`}>
                          <CsrfField token={csrf} />
                          <button type="submit" class="secondary" aria-label={`Désactiver le lien de ${i.companyName}`}>
                            Désactiver le lien
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}

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
      {organiser && event.quotas.length > 1 ? (
        <form method="post" action={`${base}/places`}>
          <CsrfField token={csrf} />
          <fieldset>
            <legend>Déplacer des places inutilisées (coordination)</legend>
            <Field id="fromSiaeId" label="De la structure">
              <select id="fromSiaeId" name="fromSiaeId" required>
                {event.quotas.map((q) => (
                  <option value={q.siaeId}>{`${q.siaeName} (${q.places - q.used} libre(s))`}</option>
                ))}
              </select>
            </Field>
            <Field id="toSiaeId" label="Vers la structure">
              <select id="toSiaeId" name="toSiaeId" required>
                {event.quotas.map((q) => (
                  <option value={q.siaeId}>{q.siaeName}</option>
                ))}
              </select>
            </Field>
            <Field id="places" label="Nombre de places">
              <input
                id="places"
                name="places"
                type="number"
                inputMode="numeric"
                min={1}
                max={1000}
                value="1"
                required
              />
            </Field>
            <div class="actions">
              <button type="submit">Déplacer les places</button>
            </div>
          </fieldset>
        </form>
      ) : null}

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
                {deciding ? <th scope="col">Décision</th> : null}
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr>
                  <th scope="row">{r.pseudonym}</th>
                  <td>{r.siaeName}</td>
                  <td>{registrationLabels[r.status]}</td>
                  <td>{r.maxInterviews}</td>
                  {deciding ? (
                    <td>
                      {(Object.keys(decisionMoves) as Array<keyof typeof decisionMoves>)
                        .filter((d) => decisionMoves[d].from.includes(r.status))
                        .map((d) => (
                          <form method="post" action={`${base}/inscriptions/${r.id}/decision`} class="inline">
                            <CsrfField token={csrf} />
                            <input type="hidden" name="decision" value={d} />
                            <button
                              type="submit"
                              class={d === 'accept' ? undefined : 'secondary'}
                              aria-label={`${decisionLabels[d]} : ${r.pseudonym}`}
                            >
                              {decisionLabels[d]}
                            </button>
                          </form>
                        ))}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {registrable.length > 0 && event.status === 'open' ? (
        <form method="post" action={`${base}/inscriptions`}>
          <CsrfField token={csrf} />
          <fieldset>
            <legend>Inscrire un·e candidat·e de ma structure</legend>
            <Field
              id="candidateId"
              label="Candidat·e"
              hint="Personnes de votre structure qui ont accepté que leur profil soit montré aux employeurs"
            >
              <select id="candidateId" name="candidateId" required aria-describedby="candidateId-hint">
                {registrable.map((c) => (
                  <option value={c.candidateId}>{`${c.pseudonym} — ${c.siaeName}`}</option>
                ))}
              </select>
            </Field>
            <Field id="maxInterviews" label="Nombre maximum d’entretiens">
              <input
                id="maxInterviews"
                name="maxInterviews"
                type="number"
                inputMode="numeric"
                min={1}
                max={20}
                value="3"
                required
              />
            </Field>
            <Field
              id="employerNote"
              label="Mot aux employeurs (facultatif)"
              hint="Montré avec le profil : jamais le nom, le téléphone, l’adresse ni l’e-mail de la personne"
            >
              <textarea id="employerNote" name="employerNote" maxLength={500} aria-describedby="employerNote-hint" />
            </Field>
            <div class="choice">
              <input type="checkbox" id="joinWaitlist" name="joinWaitlist" value="oui" />
              <label for="joinWaitlist">Liste d’attente si les places de ma structure sont prises</label>
            </div>
            <div class="actions">
              <button type="submit">Inscrire</button>
            </div>
          </fieldset>
        </form>
      ) : null}

      {organiser ? (
        <>
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
        </>
      ) : null}
      <form method="post" action="/equipe/deconnexion">
        <CsrfField token={csrf} />
        <button type="submit" class="secondary">
          Se déconnecter
        </button>
      </form>
    </Layout>
  );
}
