import { CsrfField, ScrollRegion } from '../../../platform/web/components';
import { Layout } from '../../../platform/web/layout';
import type { ProposalListDto, ReceivedProposalDto } from '../dto/proposal.dto';
import { proposalStatuses, statusLabels, type ProposalStatus } from '../proposals-vocabulary';

/** The CIP's proposals (issue 14 §5): by status, how long each has waited and what to do next. */
export function StaffProposalsPage({
  list,
  status,
  who,
  csrf,
}: {
  list: ProposalListDto;
  status?: ProposalStatus;
  who: string;
  csrf: string;
}) {
  const total = list.counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <Layout title="Mes propositions de candidatures" who={who} wide>
      <h1>Mes propositions de candidatures</h1>
      <p>
        <a href="/equipe/propositions/recues">Voir les propositions reçues par les entreprises de votre réseau</a>
      </p>
      <nav aria-label="Filtrer par état">
        <ul class="steps">
          <li aria-current={status ? undefined : 'page'}>
            <a href="/equipe/propositions">{`Toutes (${total})`}</a>
          </li>
          {proposalStatuses.map((s) => {
            const count = list.counts.find((c) => c.status === s)?.count ?? 0;
            return (
              <li aria-current={status === s ? 'page' : undefined}>
                <a href={`/equipe/propositions?etat=${s}`}>{`${statusLabels[s]} (${count})`}</a>
              </li>
            );
          })}
        </ul>
      </nav>
      {list.items.length === 0 ? (
        <p>Aucune proposition{status ? ` « ${statusLabels[status]} »` : ''} pour le moment.</p>
      ) : (
        <ScrollRegion label="Propositions">
          <table>
            <caption class="muted">Personnes proposées (pseudonymes), entreprises, attente et suite à donner</caption>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Entreprise et poste</th>
                <th scope="col">État</th>
                <th scope="col">Attente</th>
                <th scope="col">À faire</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <tr>
                  <th scope="row">{p.pseudonym}</th>
                  <td>{`${p.companyName} — ${p.appellation.label}`}</td>
                  <td>{statusLabels[p.status]}</td>
                  <td>{`${p.daysWaiting} j`}</td>
                  <td>{p.nextStep}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <form method="post" action="/equipe/deconnexion">
        <CsrfField token={csrf} />
        <button type="submit" class="secondary">
          Se déconnecter
        </button>
      </form>
    </Layout>
  );
}

const DAY = 86_400_000;
const frenchDayOf = (iso: string) =>
  new Date(iso).toLocaleDateString('fr-FR', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/** How the company answered, for the chargé·e de développement who watches over its solicitations. */
function answerOf(p: ReceivedProposalDto): string {
  if (p.answeredAt === null) return p.status === 'withdrawn' ? 'Retirée avant réponse' : 'Pas de réponse';
  const days = Math.floor((new Date(p.answeredAt).getTime() - new Date(p.sentAt).getTime()) / DAY);
  return days === 0 ? 'Répondu le jour même' : `Répondu en ${days} j`;
}

/**
 * The proposals received by the companies of the SIAE's network (issue 14 §5), for its chargé·es de développement:
 * which SIAE proposed whom (a pseudonym only for the SIAE's own people), for which job, and whether the company
 * answered — so that she sees a company solicited too often, or one that stopped answering.
 */
export function ReceivedProposalsPage({
  items,
  who,
  csrf,
}: {
  items: ReceivedProposalDto[];
  who: string;
  csrf: string;
}) {
  const waiting = items.filter((p) => p.answeredAt === null && ['sent', 'viewed'].includes(p.status)).length;
  return (
    <Layout title="Propositions reçues par les entreprises de votre réseau" who={who} wide>
      <h1>Propositions reçues par les entreprises de votre réseau</h1>
      <p>
        {`${items.length} proposition${items.length > 1 ? 's' : ''} de candidature faite${items.length > 1 ? 's' : ''} aux entreprises dont votre structure a une fiche, dont ${waiting} en attente de réponse.`}
      </p>
      <p>
        <a href="/equipe/propositions">Voir les propositions de votre structure</a>
      </p>
      {items.length === 0 ? (
        <p>Aucune proposition reçue par les entreprises de votre réseau pour le moment.</p>
      ) : (
        <ScrollRegion label="Propositions reçues">
          <table>
            <caption class="muted">
              Entreprises, postes, structures qui proposent, état et réponse (les personnes des autres structures ne
              sont pas nommées)
            </caption>
            <thead>
              <tr>
                <th scope="col">Entreprise et poste</th>
                <th scope="col">Proposée par</th>
                <th scope="col">Envoyée le</th>
                <th scope="col">État</th>
                <th scope="col">Réponse</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr>
                  <th scope="row">{`${p.companyName} — ${p.appellation.label}`}</th>
                  <td>{p.pseudonym ? `${p.fromSiaeName} (${p.pseudonym})` : p.fromSiaeName}</td>
                  <td>{`${frenchDayOf(p.sentAt)} (il y a ${p.daysSinceSent} j)`}</td>
                  <td>{statusLabels[p.status]}</td>
                  <td>{answerOf(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <form method="post" action="/equipe/deconnexion">
        <CsrfField token={csrf} />
        <button type="submit" class="secondary">
          Se déconnecter
        </button>
      </form>
    </Layout>
  );
}
