import {
  CsrfField,
  describedBy,
  Field,
  Notice,
  ProblemNotice,
  ScrollRegion,
} from '../../../../platform/web/components';
import type { FormProblem } from '../../../../platform/web/page-action';
import { Layout } from '../../../../platform/web/layout';
import type { EventDto } from '../../dto/event.dto';
import { frenchDay, hhmm, slotLabel } from '../../pages/page-format';
import type { CurrentPlanDto, PlanMeetingDto, PlanningComparisonDto, PlanningRunDto } from '../dto/planning.dto';
import type { MeetingStatus, PlanningPhase, PlanningRunStatus, PlanStatus } from '../planning-vocabulary';

/** What a planning action did, shown on the page it redirects to (post/redirect/get). */
export const planningDone = {
  lance: 'Le calcul est lancé : il est fait en arrière-plan. Rafraîchissez la page pour suivre son avancement.',
  publie: 'Le planning est publié : les rencontres sont annoncées et chacun·e en est prévenu·e.',
} as const;
export type PlanningDoneKey = keyof typeof planningDone;

const runStatusLabels: Record<PlanningRunStatus, string> = {
  queued: 'en attente',
  running: 'en cours',
  succeeded: 'terminé',
  failed: 'échoué',
};
const phaseLabels: Record<PlanningPhase, string> = {
  snapshot: 'lecture des inscriptions et des tables',
  solving: 'recherche du meilleur planning',
  storing: 'enregistrement',
};
const planStatusLabels: Record<PlanStatus, string> = {
  optimal: 'optimal (prouvé)',
  feasible: 'réalisable, optimalité non prouvée',
};
const meetingStatusLabels: Record<MeetingStatus, string> = {
  planned: 'prévue',
  announced: 'annoncée',
  cancelled: 'annulée',
  done: 'tenue',
  no_show: 'absence',
};

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/Paris',
});
const runLabel = (run: PlanningRunDto) =>
  `Calcul du ${dateTime.format(new Date(run.createdAt))}${run.fromSlotPosition ? ` (replanification depuis le créneau ${run.fromSlotPosition})` : ''}`;

/** Gap = bound − value (points of the objective); in % of the bound, comparable between events. */
export function gapText(run: Pick<PlanningRunDto, 'gap' | 'bound'>): string {
  if (run.gap === null) return '—';
  const relative = run.bound ? (100 * run.gap) / run.bound : 0;
  return `${run.gap} point${Math.abs(run.gap) >= 2 ? 's' : ''} (${relative.toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %)`;
}

function RunFigures({ run }: { run: PlanningRunDto }) {
  return (
    <dl class="figures">
      <dt>État</dt>
      <dd>
        {runStatusLabels[run.status]}
        {run.phase ? ` — ${phaseLabels[run.phase]} (${run.progress} %)` : ''}
      </dd>
      {run.planStatus ? (
        <>
          <dt>Qualité</dt>
          <dd>{planStatusLabels[run.planStatus]}</dd>
          <dt>Valeur / borne</dt>
          <dd>
            {run.objective} / {run.bound}
          </dd>
          <dt>Écart à l’optimum</dt>
          <dd>{gapText(run)}</dd>
          <dt>Entretiens</dt>
          <dd>
            {run.meetings ?? 0} entretiens, {run.coveredCandidates ?? 0} candidat·es avec au moins un entretien
          </dd>
        </>
      ) : null}
      {run.error ? (
        <>
          <dt>Erreur</dt>
          <dd>{run.error}</dd>
        </>
      ) : null}
    </dl>
  );
}

interface GridRow {
  table: number;
  employer: string;
}

/**
 * The organiser's grid: one row per room table, one column per slot; a cell shows the candidate's pseudonym (never an
 * identity) and, when the employer at that table changes across the morning, the employer too.
 */
export function PlanGrid({
  slots,
  meetings,
  cells,
}: {
  slots: EventDto['slots'];
  meetings: PlanMeetingDto[];
  cells: Array<{ slotId: string; table: number; companyName: string }>;
}) {
  const tables = [...new Set([...cells.map((c) => c.table), ...meetings.map((m) => m.tableNumber)])].sort(
    (a, b) => a - b,
  );
  const at = new Map(meetings.map((m) => [`${m.slotId}|${m.tableNumber}`, m]));
  const booked = new Map(cells.map((c) => [`${c.slotId}|${c.table}`, c.companyName]));
  const rows: GridRow[] = tables.map((table) => ({
    table,
    employer: [...new Set(cells.filter((c) => c.table === table).map((c) => c.companyName))].join(', ') || '—',
  }));
  return (
    <ScrollRegion label="Grille des tables et des créneaux">
      <table class="grid">
        <caption class="muted">Tables (lignes) × créneaux (colonnes) : pseudonyme de la personne reçue</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            {slots.map((s) => (
              <th scope="col">{slotLabel(s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                {`Table ${row.table}`}
                <br />
                <span class="muted">{row.employer}</span>
              </th>
              {slots.map((s) => {
                const m = at.get(`${s.id}|${row.table}`);
                if (m)
                  return (
                    <td>
                      {m.pseudonym}
                      {m.status !== 'planned' ? (
                        <span class="muted">{` (${meetingStatusLabels[m.status]})`}</span>
                      ) : null}
                    </td>
                  );
                return <td class="muted">{booked.has(`${s.id}|${row.table}`) ? 'libre' : '—'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** One of the two runs to compare: the newest two are preselected. */
function RunSelect({
  name,
  label,
  runs,
  selected,
}: {
  name: string;
  label: string;
  runs: PlanningRunDto[];
  selected: number;
}) {
  return (
    <Field id={name} label={label}>
      <select id={name} name={name}>
        {runs.map((r, i) => (
          <option value={r.id} selected={i === selected}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function PlanningPage({
  event,
  plan,
  runs,
  cells,
  csrf,
  who,
  done,
  problem,
}: {
  event: EventDto;
  plan: CurrentPlanDto;
  runs: PlanningRunDto[];
  cells: Array<{ slotId: string; table: number; companyName: string }>;
  csrf: string;
  who: string;
  done?: PlanningDoneKey;
  problem?: FormProblem;
}) {
  const base = `/equipe/evenements/${event.id}/planning`;
  const active = plan.activeRun;
  const current = plan.currentRun;
  const comparable = runs.filter((r) => r.status === 'succeeded');
  return (
    <Layout title={`Planning — ${event.title}`} who={who} wide>
      <p>
        <a href={`/equipe/evenements/${event.id}`}>← Retour à l’événement</a>
      </p>
      <h1>{`Planning — ${event.title}`}</h1>
      <p>
        {frenchDay(event.date)} — {event.slots.length} créneaux
      </p>
      {done ? (
        <Notice kind="ok">
          <p role="status">{planningDone[done]}</p>
        </Notice>
      ) : null}
      <ProblemNotice title="Action refusée" problem={problem} />

      <h2>Calcul en cours</h2>
      {active ? (
        <>
          <p aria-live="polite">
            {`${runLabel(active)} : ${runStatusLabels[active.status]}`}
            {active.phase ? ` — ${phaseLabels[active.phase]}` : ''} ({active.progress} %).
          </p>
          <progress max={100} value={active.progress} aria-label="Avancement du calcul">
            {`${active.progress} %`}
          </progress>
          <p>
            <a class="button secondary" href={base}>
              Rafraîchir
            </a>
          </p>
        </>
      ) : (
        <>
          <p>Aucun calcul en cours.</p>
          {event.status === 'planning' || event.status === 'published' ? (
            <form method="post" action={`${base}/calculs`}>
              <CsrfField token={csrf} />
              <Field
                id="timeLimitSeconds"
                label="Temps de calcul maximal (secondes)"
                hint="Entre 1 et 600 ; 30 par défaut."
              >
                <input
                  id="timeLimitSeconds"
                  name="timeLimitSeconds"
                  type="number"
                  min={1}
                  max={600}
                  inputMode="numeric"
                  aria-describedby={describedBy('timeLimitSeconds', 'hint')}
                />
              </Field>
              <button type="submit">Lancer un calcul du planning</button>
            </form>
          ) : (
            <p class="muted">On lance un calcul quand l’événement est en planification ou publié.</p>
          )}
        </>
      )}

      <h2>Planning actuel</h2>
      {current ? (
        <>
          <p>{runLabel(current)}</p>
          <RunFigures run={current} />
          {event.status === 'planning' && !active ? (
            <form method="post" action={`${base}/publication`}>
              <CsrfField token={csrf} />
              <button type="submit">Publier le planning</button>
            </form>
          ) : null}
          <PlanGrid slots={event.slots} meetings={plan.meetings} cells={cells} />
        </>
      ) : (
        <p>Pas encore de planning : lancez un calcul.</p>
      )}

      <h2>Calculs</h2>
      {runs.length ? (
        <ScrollRegion label="Calculs du planning">
          <table>
            <caption class="muted">Du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Calcul</th>
                <th scope="col">État</th>
                <th scope="col">Qualité</th>
                <th scope="col">Valeur</th>
                <th scope="col">Écart</th>
                <th scope="col">Entretiens</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr>
                  <th scope="row">
                    {runLabel(r)}
                    {r.isCurrent ? ' — actuel' : ''}
                  </th>
                  <td>{runStatusLabels[r.status]}</td>
                  <td>{r.planStatus ? planStatusLabels[r.planStatus] : '—'}</td>
                  <td>{r.objective ?? '—'}</td>
                  <td>{gapText(r)}</td>
                  <td>{r.meetings ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>Aucun calcul.</p>
      )}
      {comparable.length >= 2 ? (
        <form method="get" action={`${base}/comparaison`}>
          <fieldset>
            <legend>Comparer deux calculs</legend>
            <RunSelect name="a" label="Premier calcul" runs={comparable} selected={1} />
            <RunSelect name="b" label="Second calcul" runs={comparable} selected={0} />
            <button type="submit" class="secondary">
              Comparer
            </button>
          </fieldset>
        </form>
      ) : null}
    </Layout>
  );
}

export function ComparisonPage({
  event,
  comparison,
  labels,
  who,
}: {
  event: EventDto;
  comparison: PlanningComparisonDto;
  labels: { pseudonyms: Map<string, string>; employers: Map<string, string> };
  who: string;
}) {
  const slotOf = new Map(event.slots.map((s) => [s.id, s]));
  const when = (slotId: string, table: number) => {
    const slot = slotOf.get(slotId);
    return `${slot ? hhmm(slot.startsAt) : '?'}, table ${table}`;
  };
  const pair = (m: { registrationId: string; invitationId: string }) =>
    `${labels.pseudonyms.get(m.registrationId) ?? '—'} × ${labels.employers.get(m.invitationId) ?? '—'}`;
  const { base, other } = comparison;
  const delta = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n}`);
  return (
    <Layout title={`Comparer deux calculs — ${event.title}`} who={who}>
      <p>
        <a href={`/equipe/evenements/${event.id}/planning`}>← Retour au planning</a>
      </p>
      <h1>Comparer deux calculs</h1>
      <ScrollRegion label="Les deux calculs">
        <table>
          <thead>
            <tr>
              <th scope="col">Calcul</th>
              <th scope="col">Valeur</th>
              <th scope="col">Écart</th>
              <th scope="col">Entretiens</th>
            </tr>
          </thead>
          <tbody>
            {[base, other].map((r) => (
              <tr>
                <th scope="row">{runLabel(r)}</th>
                <td>{r.objective ?? '—'}</td>
                <td>{gapText(r)}</td>
                <td>{r.meetings ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        {`Valeur : ${delta(comparison.objectiveDelta)} ; écart : ${delta(comparison.gapDelta)} ; `}
        {`${comparison.unchanged} rencontres identiques, ${comparison.added.length} ajoutées, `}
        {`${comparison.removed.length} retirées, ${comparison.moved.length} déplacées.`}
      </p>
      <h2>Ajoutées dans le second calcul</h2>
      {comparison.added.length ? (
        <ul>
          {comparison.added.map((m) => (
            <li>{`${pair(m)} — ${when(m.slotId, m.tableNumber)}`}</li>
          ))}
        </ul>
      ) : (
        <p>Aucune.</p>
      )}
      <h2>Retirées</h2>
      {comparison.removed.length ? (
        <ul>
          {comparison.removed.map((m) => (
            <li>{`${pair(m)} — ${when(m.slotId, m.tableNumber)}`}</li>
          ))}
        </ul>
      ) : (
        <p>Aucune.</p>
      )}
      <h2>Déplacées</h2>
      {comparison.moved.length ? (
        <ul>
          {comparison.moved.map((m) => (
            <li>{`${pair(m)} — de ${when(m.fromSlotId, m.fromTable)} à ${when(m.toSlotId, m.toTable)}`}</li>
          ))}
        </ul>
      ) : (
        <p>Aucune.</p>
      )}
    </Layout>
  );
}
