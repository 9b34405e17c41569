import { CsrfField, Notice, ProblemNotice } from '../../../platform/web/components';
import { Layout } from '../../../platform/web/layout';
import { contractTypes } from '../../employer-network/employer-network-vocabulary';
import type { EmployerProposalDto } from '../dto/employer-proposal.dto';
import { refusalReasonLabels, refusalReasons } from '../proposals-vocabulary';
import { contractLabels, evidenceLabels, frenchDateTime, frenchDay, workTimeLabels } from './proposal-page-format';

/** The employer's answer page of a proposal (issue 14 §6): one column on a phone, plain forms, no script. */
export const proposalPath = (proposalId: string, rest = '') => `/employeurs/propositions/${proposalId}${rest}`;

export interface PageError {
  message: string;
  details?: string[];
}

export interface AnswerValues {
  form?: 'rencontre' | 'refus' | 'issue';
  mode?: string;
  dates?: string[];
  note?: string;
  reason?: string;
  text?: string;
  outcome?: string;
  contractType?: string;
  startDate?: string;
}

function Profile({ view }: { view: EmployerProposalDto }) {
  const p = view.profile;
  return (
    <section aria-labelledby="profil">
      <h2 id="profil">{`Le profil de ${p.pseudonym}`}</h2>
      <p class="muted">Présenté sans nom ni coordonnées, avec l’accord de la personne.</p>
      <ul>
        <li>{`Habite vers ${p.commune}, se déplace jusqu’à ${p.mobilityRadiusKm} km.`}</li>
        <li>
          {p.availableFrom ? `Disponible à partir du ${frenchDay(p.availableFrom)}.` : 'Disponible dès maintenant.'}
        </li>
        {p.workTime ? <li>{`Recherche un ${workTimeLabels[p.workTime] ?? p.workTime}.`}</li> : null}
        {p.targetJobs.length > 0 ? <li>{`Métiers visés : ${p.targetJobs.join(', ')}.`}</li> : null}
      </ul>
      {p.skills.length > 0 ? (
        <>
          <h3>Compétences</h3>
          <ul>
            {p.skills.map((s) => (
              <li>{`${s.label} (${evidenceLabels[s.evidenceLevel] ?? s.evidenceLevel})`}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.softSkills.length > 0 ? <p>{`Savoir-être : ${p.softSkills.join(', ')}.`}</p> : null}
    </section>
  );
}

function Reasons({ view }: { view: EmployerProposalDto }) {
  return (
    <section aria-labelledby="raisons">
      <h2 id="raisons">Pourquoi ce profil correspond</h2>
      {view.reasons.length > 0 ? (
        <ul>
          {view.reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      ) : (
        <p>Candidature spontanée : la personne vise ce métier chez vous.</p>
      )}
    </section>
  );
}

function Contact({ view }: { view: EmployerProposalDto }) {
  return (
    <p>
      {`Une question ? ${view.cip.name}, ${view.cip.siaeName}`}
      {view.cip.email ? (
        <>
          {' — '}
          <a href={`mailto:${view.cip.email}`}>{view.cip.email}</a>
        </>
      ) : null}
    </p>
  );
}

function Choice({ name, value, label, checked }: { name: string; value: string; label: string; checked?: boolean }) {
  const id = `${name}-${value}`;
  return (
    <div class="choice">
      <input type="radio" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

function AnswerForms({ view, csrf, values }: { view: EmployerProposalDto; csrf: string; values?: AnswerValues }) {
  const v = values ?? {};
  const dates = v.dates ?? [];
  return (
    <>
      <h2>Votre réponse</h2>
      <form method="post" action={proposalPath(view.proposalId, '/rencontre')}>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>{`Je veux rencontrer ${view.profile.pseudonym}`}</legend>
          <Choice
            name="mode"
            value="call_me"
            label="Appelez-moi pour fixer un rendez-vous"
            checked={v.mode !== 'dates'}
          />
          <Choice name="mode" value="dates" label="Je propose des dates d’entretien" checked={v.mode === 'dates'} />
          {[0, 1, 2].map((i) => (
            <div class="field">
              <label for={`date-${i}`}>{`Date et heure ${i + 1}${i === 0 ? '' : ' (facultatif)'}`}</label>
              <input id={`date-${i}`} name="dates" type="datetime-local" value={dates[i] ?? ''} />
            </div>
          ))}
          <div class="field">
            <label for="note">Précisions (facultatif)</label>
            <span class="hint" id="note-hint">
              Lieu, personne à demander, numéro où vous rappeler…
            </span>
            <textarea id="note" name="note" maxLength={1000} aria-describedby="note-hint">
              {v.note ?? ''}
            </textarea>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit">{`Je veux rencontrer ${view.profile.pseudonym}`}</button>
        </div>
      </form>

      <form method="post" action={proposalPath(view.proposalId, '/refus')}>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>Pas maintenant</legend>
          <p class="hint">Une raison aide la personne et sa ou son CIP à avancer.</p>
          {refusalReasons.map((r, i) => (
            <Choice
              name="reason"
              value={r}
              label={refusalReasonLabels[r]}
              checked={v.reason ? v.reason === r : i === 0}
            />
          ))}
          <div class="field">
            <label for="refusal-text">Précisez (obligatoire pour « Autre raison »)</label>
            <textarea id="refusal-text" name="text" maxLength={500}>
              {v.text ?? ''}
            </textarea>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="secondary">
            Pas maintenant
          </button>
        </div>
      </form>
    </>
  );
}

function OutcomeForm({ view, csrf, values }: { view: EmployerProposalDto; csrf: string; values?: AnswerValues }) {
  const v = values ?? {};
  return (
    <form method="post" action={proposalPath(view.proposalId, '/issue')}>
      <CsrfField token={csrf} />
      <h2>Après l’entretien</h2>
      <fieldset>
        <legend>L’issue</legend>
        <Choice name="outcome" value="hired" label="Je l’embauche" checked={v.outcome !== 'not_hired'} />
        <Choice name="outcome" value="not_hired" label="Je ne donne pas suite" checked={v.outcome === 'not_hired'} />
      </fieldset>
      <fieldset>
        <legend>Si vous embauchez</legend>
        <div class="field">
          <label for="contractType">Type de contrat</label>
          <select id="contractType" name="contractType">
            {contractTypes.map((c) => (
              <option value={c} selected={(v.contractType ?? 'cdd') === c}>
                {contractLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="startDate">Date de début</label>
          <input id="startDate" name="startDate" type="date" value={v.startDate ?? ''} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Si vous ne donnez pas suite</legend>
        {refusalReasons.map((r, i) => (
          <Choice
            name="reason"
            value={r}
            label={refusalReasonLabels[r]}
            checked={v.reason ? v.reason === r : i === 1}
          />
        ))}
        <div class="field">
          <label for="outcome-text">Précisez (obligatoire pour « Autre raison »)</label>
          <textarea id="outcome-text" name="text" maxLength={500}>
            {v.text ?? ''}
          </textarea>
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit">Enregistrer l’issue</button>
      </div>
    </form>
  );
}

function Outcome({ view }: { view: EmployerProposalDto }) {
  switch (view.status) {
    case 'interview_planned':
      return (
        <>
          <Notice kind="ok" title="Vous avez demandé à rencontrer cette personne">
            {view.interview?.mode === 'dates' && view.interview.dates.length > 0 ? (
              <p>{`Dates proposées : ${view.interview.dates.map(frenchDateTime).join(' ; ')}.`}</p>
            ) : (
              <p>Vous avez demandé à être appelé·e pour fixer le rendez-vous.</p>
            )}
            <p>{`${view.cip.name} (${view.cip.siaeName}) a été prévenu·e et revient vers vous.`}</p>
          </Notice>
          {view.identity ? (
            <section aria-labelledby="coordonnees">
              <h2 id="coordonnees">Coordonnées de la personne</h2>
              <p class="muted">Transmises avec son accord, pour organiser l’entretien uniquement.</p>
              <ul>
                <li>{`${view.identity.firstName} ${view.identity.lastName}`}</li>
                {view.identity.phone ? <li>{`Téléphone : ${view.identity.phone}`}</li> : null}
                {view.identity.email ? <li>{`E-mail : ${view.identity.email}`}</li> : null}
              </ul>
            </section>
          ) : (
            <p>La personne préfère être contactée par l’intermédiaire de sa ou son CIP.</p>
          )}
        </>
      );
    case 'refused':
      return (
        <Notice kind="warn" title="Vous avez répondu « pas maintenant »">
          <p>{`Raison : ${view.refusal?.label ?? ''}${view.refusal?.text ? ` — ${view.refusal.text}` : ''}.`}</p>
          <p>Merci d’avoir répondu : la personne et sa ou son CIP sont prévenu·es.</p>
        </Notice>
      );
    case 'accepted':
      return (
        <Notice kind="ok" title="Embauche enregistrée">
          <p>
            {`${contractLabels[view.hire!.contractType]} à partir du ${frenchDay(view.hire!.startDate)}. Merci, et bonne collaboration !`}
          </p>
        </Notice>
      );
    case 'expired':
      return (
        <Notice kind="warn" title="Cette proposition a expiré">
          <p>Le poste a été pourvu ou la proposition est restée sans réponse. Vous pouvez contacter la ou le CIP.</p>
        </Notice>
      );
    default:
      return null;
  }
}

export function ProposalAnswerPage({
  view,
  csrf,
  error,
  values,
}: {
  view: EmployerProposalDto;
  csrf: string;
  error?: PageError;
  values?: AnswerValues;
}) {
  const open = view.status === 'sent' || view.status === 'viewed';
  return (
    <Layout title={`Candidature — ${view.appellation.label}`} who={view.companyName}>
      <h1>{`Une candidature pour votre poste : ${view.appellation.label}`}</h1>
      <p>
        {`${view.cip.siaeName}, structure d’insertion du collectif « ${view.collectiveName} », vous propose ${view.profile.pseudonym.replace(/\.$/, '')}.`}
      </p>
      {view.message ? (
        <figure>
          <blockquote>
            <p>{view.message}</p>
          </blockquote>
          <figcaption class="muted">{`— ${view.cip.name}, ${view.cip.siaeName}`}</figcaption>
        </figure>
      ) : null}
      <ProblemNotice title="Votre réponse n’a pas été enregistrée" problem={error} />
      <Outcome view={view} />
      <Profile view={view} />
      <Reasons view={view} />
      {open ? <AnswerForms view={view} csrf={csrf} values={values} /> : null}
      {view.status === 'interview_planned' ? <OutcomeForm view={view} csrf={csrf} values={values} /> : null}
      <Contact view={view} />
    </Layout>
  );
}
