import { CsrfField, Notice, ProblemNotice } from '../../../platform/web/components';
import { Layout } from '../../../platform/web/layout';
import { softSkills } from '../../candidates/candidate-vocabulary';
import { accommodations } from '../../employer-network/employer-network-vocabulary';
import type { CandidateProfileForEmployerDto, EmployerEventDto } from '../dto/employer.dto';
import { accommodationLabels, contractLabels, evidenceLabels, frenchDay, slotLabel } from './page-format';

/** The employer's pages of an event (issue 13 §7): one column on a phone, plain forms, no script. */
export const employerPath = (eventId: string, rest = '') => `/employeurs/evenements/${eventId}${rest}`;

function Steps({ current }: { current: 1 | 2 | 3 }) {
  const steps = ['Participation', 'Candidat·es à rencontrer', 'Confirmation'];
  return (
    <nav aria-label="Étapes de l’inscription">
      <ol class="steps">
        {steps.map((label, i) => (
          <li aria-current={i + 1 === current ? 'step' : undefined}>{`${i + 1}. ${label}`}</li>
        ))}
      </ol>
    </nav>
  );
}

export function EventSummary({ view }: { view: EmployerEventDto }) {
  return (
    <div class="notice">
      <p>
        <strong>{frenchDay(view.date)}</strong>
        {`, ${view.timeWindows.map((w) => `${w.start.replace(':', ' h ')} – ${w.end.replace(':', ' h ')}`).join(' et ')}`}
      </p>
      <p>{`${view.address}, ${view.communeName}`}</p>
      {view.accessNotes ? <p>{`Accès : ${view.accessNotes}`}</p> : null}
      {view.employerDeadline ? (
        <p>{`Réponse attendue avant le ${frenchDay(view.employerDeadline.slice(0, 10))}.`}</p>
      ) : null}
    </div>
  );
}

export interface RegistrationFormProps {
  view: EmployerEventDto;
  csrf: string;
  idempotencyKey: string;
  error?: { message: string; details?: string[] };
  /** What the employer had submitted, kept when the page comes back with an error. */
  values?: {
    tables?: string;
    cells?: string[];
    maxInterviews?: string;
    accommodations?: string[];
    appellations?: string[];
  };
  search?: { query: string; results: Array<{ code: string; label: string }> };
}

export function RegistrationPage({ view, csrf, idempotencyKey, error, values, search }: RegistrationFormProps) {
  const own = new Set(view.booked.map((c) => `${c.slotId}:${c.table}`));
  const chosen = new Set(values?.cells ?? [...own]);
  const freeBySlot = new Map<string, number[]>();
  for (const c of [...view.free, ...view.booked]) {
    const tables = freeBySlot.get(c.slotId) ?? [];
    tables.push(c.table);
    freeBySlot.set(c.slotId, tables);
  }
  const accepted = new Set<string>(values?.accommodations ?? view.accommodations);
  const freeCount = view.free.length;
  return (
    <Layout title={`Participation — ${view.title}`} who={view.companyName}>
      <Steps current={1} />
      <h1>{view.title}</h1>
      <EventSummary view={view} />
      {view.status === 'confirmed' &&
      (view.eventStatus === 'running' || view.eventStatus === 'closed' || view.eventStatus === 'published') ? (
        <p>
          <a class="button" href={employerPath(view.eventId, '/suites')}>
            Suites de vos entretiens
          </a>
        </p>
      ) : null}
      {view.status === 'declined' ? (
        <Notice kind="warn">
          <p>Vous avez décliné cette invitation. Vous pouvez encore vous inscrire ci-dessous si vous changez d’avis.</p>
        </Notice>
      ) : null}
      {view.status === 'confirmed' ? (
        <Notice kind="ok">
          <p>
            Votre participation est confirmée. Vous pouvez la modifier ci-dessous, ou{' '}
            <a href={employerPath(view.eventId, '/candidats')}>choisir les candidat·es à rencontrer</a>.
          </p>
        </Notice>
      ) : null}
      <ProblemNotice title="Votre inscription n’a pas été enregistrée" problem={error} />

      <h2>Métiers que vous recrutez</h2>
      <form method="get" action={employerPath(view.eventId)} role="search">
        <div class="field">
          <label for="metier">Rechercher un métier</label>
          <span class="hint" id="metier-hint">
            Par exemple « agent de propreté » ou « cariste ». Les résultats s’ajoutent au formulaire ci-dessous.
          </span>
          <input id="metier" name="metier" type="text" value={search?.query ?? ''} aria-describedby="metier-hint" />
        </div>
        <button type="submit" class="secondary">
          Rechercher
        </button>
      </form>

      <form method="post" action={employerPath(view.eventId, '/inscription')}>
        <CsrfField token={csrf} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {view.needs.length > 0 || (search && search.results.length > 0) ? (
          <fieldset>
            <legend>Besoins de recrutement apportés</legend>
            {view.needs.map((n) => (
              <p>{`${n.appellation} — ${n.positions} poste(s), ${contractLabels[n.contractType]}`}</p>
            ))}
            {search?.results.map((a) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`appellation-${a.code}`}
                  name="appellations"
                  value={a.code}
                  checked={values?.appellations?.includes(a.code)}
                />
                <label for={`appellation-${a.code}`}>{a.label}</label>
              </div>
            ))}
          </fieldset>
        ) : search ? (
          <p>{`Aucun métier trouvé pour « ${search.query} ».`}</p>
        ) : null}

        <div class="field">
          <label for="tables">Nombre de recruteur·ses présent·es (une table chacun·e)</label>
          <span class="hint" id="tables-hint">{`Entre 1 et ${view.tableCount}.`}</span>
          <input
            id="tables"
            name="tables"
            type="number"
            inputMode="numeric"
            min={1}
            max={view.tableCount}
            required
            value={values?.tables ?? String(view.tables ?? 1)}
            aria-describedby="tables-hint"
          />
        </div>

        <fieldset>
          <legend>Vos créneaux et vos tables</legend>
          <p class="hint" id="cells-hint">
            {freeCount > 0
              ? `Cochez une table par recruteur·se pour chaque créneau où vous êtes présent·e. ${freeCount} emplacement(s) encore libre(s).`
              : 'Toutes les tables sont prises sur tous les créneaux.'}
          </p>
          {view.slots.map((slot) => {
            const tables = (freeBySlot.get(slot.id) ?? []).sort((a, b) => a - b);
            return (
              <fieldset>
                <legend>{slotLabel(slot)}</legend>
                {tables.length === 0 ? <p class="muted">Complet</p> : null}
                {tables.map((table) => {
                  const value = `${slot.id}:${table}`;
                  const id = `cell-${slot.position}-${table}`;
                  return (
                    <div class="choice">
                      <input type="checkbox" id={id} name="cells" value={value} checked={chosen.has(value)} />
                      <label for={id}>{`Table ${table}`}</label>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
        </fieldset>

        <div class="field">
          <label for="maxInterviews">Nombre maximum d’entretiens (facultatif)</label>
          <span class="hint" id="maxInterviews-hint">
            Entre 1 et 100, pour l’ensemble de la matinée.
          </span>
          <input
            id="maxInterviews"
            name="maxInterviews"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={values?.maxInterviews ?? (view.maxInterviews ? String(view.maxInterviews) : '')}
            aria-describedby="maxInterviews-hint"
          />
        </div>

        <fieldset>
          <legend>Aménagements que vous acceptez</legend>
          {accommodations.map((a) => (
            <div class="choice">
              <input type="checkbox" id={`acc-${a}`} name="accommodations" value={a} checked={accepted.has(a)} />
              <label for={`acc-${a}`}>{accommodationLabels[a]}</label>
            </div>
          ))}
        </fieldset>

        <div class="actions">
          <button type="submit">Confirmer ma participation</button>
          <a class="button secondary" href={employerPath(view.eventId, '/declin')}>
            Je ne peux pas venir
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function ProfilesPage({
  view,
  profiles,
  csrf,
  error,
}: {
  view: EmployerEventDto;
  profiles: CandidateProfileForEmployerDto[];
  csrf: string;
  error?: string;
}) {
  return (
    <Layout title={`Candidat·es à rencontrer — ${view.title}`} who={view.companyName} wide>
      <Steps current={2} />
      <h1>Candidat·es à rencontrer</h1>
      <p>
        Les profils sont présentés sans nom ni coordonnées. Cochez « Je veux rencontrer » pour les personnes que vous
        souhaitez voir, et « Prioritaire » pour trois au plus.
      </p>
      {error ? (
        <Notice kind="error" title="Vos choix n’ont pas été enregistrés">
          <p>{error}</p>
        </Notice>
      ) : null}
      <form method="post" action={employerPath(view.eventId, '/candidats')}>
        <CsrfField token={csrf} />
        {profiles.length === 0 ? <p>Aucun profil n’est encore disponible pour cet événement.</p> : null}
        <ul class="cards">
          {profiles.map((p) => (
            <li class="card">
              <h2>{p.pseudonym}</h2>
              {p.targetJobs.length > 0 ? <p>{`Métiers visés : ${p.targetJobs.join(', ')}`}</p> : null}
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
              {p.softSkills.length > 0 ? (
                <p>{`Savoir-être : ${p.softSkills.map((k) => (softSkills as Record<string, string>)[k] ?? k).join(', ')}`}</p>
              ) : null}
              <p>{`Habite vers ${p.commune}, se déplace jusqu’à ${p.mobilityRadiusKm} km.`}</p>
              {p.availableFrom ? <p>{`Disponible à partir du ${frenchDay(p.availableFrom)}.`}</p> : null}
              {p.note ? <p class="note">{`Le mot de sa conseillère ou son conseiller : ${p.note}`}</p> : null}
              {p.matches.map((m) => (
                <p>{`Pour « ${m.appellation} » : ${m.reasons.join(' ; ')}`}</p>
              ))}
              <div class="choice">
                <input
                  type="checkbox"
                  id={`meet-${p.profileId}`}
                  name="meet"
                  value={p.profileId}
                  checked={p.requested}
                />
                <label for={`meet-${p.profileId}`}>{`Je veux rencontrer ${p.pseudonym}`}</label>
              </div>
              <div class="choice">
                <input
                  type="checkbox"
                  id={`priority-${p.profileId}`}
                  name="priority"
                  value={p.profileId}
                  checked={p.priority}
                />
                <label for={`priority-${p.profileId}`}>Prioritaire</label>
              </div>
            </li>
          ))}
        </ul>
        <div class="actions">
          <button type="submit">Enregistrer mes choix</button>
          <a class="button secondary" href={employerPath(view.eventId)}>
            Revenir à ma participation
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function ConfirmationPage({ view, requested }: { view: EmployerEventDto; requested: number }) {
  const bySlot = view.slots
    .map((slot) => ({ slot, tables: view.booked.filter((c) => c.slotId === slot.id).map((c) => c.table) }))
    .filter((s) => s.tables.length > 0);
  return (
    <Layout title={`Inscription confirmée — ${view.title}`} who={view.companyName}>
      <Steps current={3} />
      <h1>Inscription confirmée</h1>
      <Notice kind="ok">
        <p>{`Merci : ${view.companyName} participe à « ${view.title} ».`}</p>
      </Notice>
      <EventSummary view={view} />
      <h2>Vos tables</h2>
      <ul>
        {bySlot.map(({ slot, tables }) => (
          <li>{`${slotLabel(slot)} : table${tables.length > 1 ? 's' : ''} ${tables.sort((a, b) => a - b).join(', ')}`}</li>
        ))}
      </ul>
      <p>{`Candidat·es que vous souhaitez rencontrer : ${requested}.`}</p>
      <p>Vous recevrez votre planning d’entretiens avant l’événement.</p>
      <div class="actions">
        <a class="button secondary" href={employerPath(view.eventId)}>
          Modifier ma participation
        </a>
        <a class="button secondary" href={employerPath(view.eventId, '/candidats')}>
          Modifier mes choix de candidat·es
        </a>
      </div>
    </Layout>
  );
}

export function DeclinePage({
  view,
  csrf,
  error,
  values,
}: {
  view: EmployerEventDto;
  csrf: string;
  error?: { message: string; details?: string[] };
  values?: { reason?: string; pauseUntil?: string };
}) {
  return (
    <Layout title={`Décliner — ${view.title}`} who={view.companyName}>
      <h1>Décliner l’invitation</h1>
      <EventSummary view={view} />
      <ProblemNotice title="Votre réponse n’a pas été enregistrée" problem={error} />
      <form method="post" action={employerPath(view.eventId, '/declin')}>
        <CsrfField token={csrf} />
        <div class="field">
          <label for="reason">Pourquoi ? (facultatif)</label>
          <span class="hint" id="reason-hint">
            500 caractères au plus.
          </span>
          <textarea id="reason" name="reason" maxLength={500} aria-describedby="reason-hint">
            {values?.reason ?? ''}
          </textarea>
        </div>
        <div class="field">
          <label for="pauseUntil">Ne plus être sollicité·e par le collectif jusqu’au (facultatif)</label>
          <span class="hint" id="pauseUntil-hint">
            Aucune structure du collectif ne vous contactera avant cette date (12 mois au plus).
          </span>
          <input
            id="pauseUntil"
            name="pauseUntil"
            type="date"
            value={values?.pauseUntil ?? ''}
            aria-describedby="pauseUntil-hint"
          />
        </div>
        <div class="actions">
          <button type="submit">Décliner l’invitation</button>
          <a class="button secondary" href={employerPath(view.eventId)}>
            Revenir à l’inscription
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function DeclinedPage({ view, pausedUntil }: { view: EmployerEventDto; pausedUntil: string | null }) {
  return (
    <Layout title={`Réponse enregistrée — ${view.title}`} who={view.companyName}>
      <h1>Réponse enregistrée</h1>
      <Notice kind="ok">
        <p>{`Vous ne participerez pas à « ${view.title} ». Merci de nous avoir répondu.`}</p>
        {pausedUntil ? <p>{`Le collectif ne vous sollicitera plus avant le ${frenchDay(pausedUntil)}.`}</p> : null}
      </Notice>
      <p>
        <a href={employerPath(view.eventId)}>Vous avez changé d’avis ? Revenir à l’inscription</a>
      </p>
    </Layout>
  );
}
