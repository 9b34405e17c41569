import { CsrfField, Notice, ProblemNotice } from '../../../../platform/web/components';
import { Layout } from '../../../../platform/web/layout';
import { contractTypes } from '../../../employer-network/employer-network-vocabulary';
import type { EmployerEventDto } from '../../dto/employer.dto';
import { contractLabels, frenchDay, hhmm } from '../../pages/page-format';
import type { EmployerMeetingOutcomeDto } from '../dto/outcome.dto';
import { outcomeKinds, outcomeLabels } from '../outcomes-vocabulary';

export const outcomesPath = (eventId: string, rest = '') => `/employeurs/evenements/${eventId}/suites${rest}`;

export interface OutcomeFormError {
  meetingId: string;
  message: string;
  details?: string[];
  values: Record<string, string>;
}

const kindHints: Record<string, string> = {
  none: 'Vous ne donnez pas suite pour l’instant.',
  second_interview: 'Vous revoyez la personne (date du second entretien).',
  immersion: 'Une période de mise en situation en milieu professionnel (date de début).',
  hire: 'Indiquez le type de contrat et le premier jour.',
};

/** One meeting: its outcome if recorded, else the form (plain radios, dates and a select: no script needed). */
function MeetingCard({
  eventId,
  meeting,
  csrf,
  today,
  error,
}: {
  eventId: string;
  meeting: EmployerMeetingOutcomeDto;
  csrf: string;
  today: string;
  error?: OutcomeFormError;
}) {
  const id = `m-${meeting.meetingId.slice(0, 8)}`;
  const values = error?.values ?? {};
  const heading = `${meeting.pseudonym} — ${hhmm(meeting.startsAt)}, table ${meeting.tableNumber}`;
  return (
    <section class="card" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>{heading}</h2>
      {meeting.outcome ? (
        <p>
          <strong>{outcomeLabels[meeting.outcome.kind]}</strong>
          {meeting.outcome.kind === 'hire' && meeting.outcome.contractType
            ? ` — ${contractLabels[meeting.outcome.contractType]} à partir du ${frenchDay(meeting.outcome.startDate!)}`
            : ''}
          {` (déclaré ${meeting.outcome.recordedBy === 'employer' ? 'par vous' : 'par sa conseillère ou son conseiller'}).`}
        </p>
      ) : !meeting.held ? (
        <p class="muted">Cet entretien n’a pas encore eu lieu.</p>
      ) : (
        <form method="post" action={outcomesPath(eventId, `/${meeting.meetingId}`)}>
          <CsrfField token={csrf} />
          <ProblemNotice title="Suite non enregistrée" problem={error} />
          <fieldset>
            <legend>Qu’a donné cet entretien ?</legend>
            {outcomeKinds.map((kind) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`${id}-${kind}`}
                  name="kind"
                  value={kind}
                  required
                  checked={values.kind === kind}
                  aria-describedby={`${id}-${kind}-hint`}
                />
                <label for={`${id}-${kind}`}>{outcomeLabels[kind]}</label>
                <span class="hint" id={`${id}-${kind}-hint`}>
                  {kindHints[kind]}
                </span>
              </div>
            ))}
          </fieldset>
          <div class="field">
            <label for={`${id}-date`}>Date</label>
            <span class="hint" id={`${id}-date-hint`}>
              De la décision, du second entretien ou du début de l’immersion (au plus tard aujourd’hui).
            </span>
            <input
              id={`${id}-date`}
              name="date"
              type="date"
              required
              max={today}
              value={values.date ?? today}
              aria-describedby={`${id}-date-hint`}
            />
          </div>
          <fieldset>
            <legend>Pour une embauche</legend>
            <div class="field">
              <label for={`${id}-contract`}>Type de contrat</label>
              <select id={`${id}-contract`} name="contractType">
                <option value="">—</option>
                {contractTypes.map((c) => (
                  <option value={c} selected={values.contractType === c}>
                    {contractLabels[c]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`${id}-start`}>Premier jour du contrat</label>
              <input id={`${id}-start`} name="startDate" type="date" value={values.startDate ?? ''} />
            </div>
          </fieldset>
          <div class="actions">
            <button type="submit" class="button">
              Enregistrer la suite
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The employer's outcome page: its meetings of the event, each with its outcome or a form to record it. */
export function OutcomesPage({
  view,
  meetings,
  csrf,
  today,
  saved,
  error,
}: {
  view: EmployerEventDto;
  meetings: EmployerMeetingOutcomeDto[];
  csrf: string;
  today: string;
  saved?: boolean;
  error?: OutcomeFormError;
}) {
  const left = meetings.filter((m) => m.held && !m.outcome).length;
  return (
    <Layout title={`Suites de vos entretiens — ${view.title}`} who={view.companyName}>
      <h1>Suites de vos entretiens</h1>
      <p>{`${view.title}, ${frenchDay(view.date)}.`}</p>
      {saved ? (
        <Notice kind="ok" title="Suite enregistrée, merci.">
          <p>{left > 0 ? `Encore ${left} entretien(s) sans suite déclarée.` : 'Tous vos entretiens ont leur suite.'}</p>
        </Notice>
      ) : null}
      <p>
        Pour chaque personne rencontrée, dites ce qui a suivi. Sa structure d’insertion en est informée et pourra
        l’accompagner.
      </p>
      {meetings.length === 0 ? <p>Vous n’aviez pas d’entretien à cet événement.</p> : null}
      {meetings.map((m) => (
        <MeetingCard
          eventId={view.eventId}
          meeting={m}
          csrf={csrf}
          today={today}
          error={error?.meetingId === m.meetingId ? error : undefined}
        />
      ))}
    </Layout>
  );
}
