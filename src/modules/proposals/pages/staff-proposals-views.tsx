import { CsrfField, ScrollRegion } from '../../../platform/web/components';
import { Layout } from '../../../platform/web/layout';
import type { ProposalListDto } from '../dto/proposal.dto';
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
