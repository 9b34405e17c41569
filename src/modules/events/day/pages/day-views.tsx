import { CsrfField, Notice, ProblemNotice } from '../../../../platform/web/components';
import { Layout } from '../../../../platform/web/layout';
import type { FormProblem } from '../../../../platform/web/page-action';
import { hhmm, slotLabel } from '../../pages/page-format';
import type { CandidatePresenceDto, CheckInListDto, EmployerPresenceDto, LiveViewDto } from '../dto/day.dto';
import type { Presence } from '../presence';

/** At most this many candidates on one check-in page: the page stays small on a poor connection; search finds others. */
export const CHECK_IN_PAGE_SIZE = 30;

const candidateLabels: Record<Presence, string> = {
  present: 'Présent·e',
  absent: 'Absent·e',
  unrecorded: 'Pas encore pointé·e',
};
const employerLabels: Record<Presence, string> = {
  present: 'Présent',
  absent: 'Absent',
  unrecorded: 'Pas encore pointé',
};

export interface UpcomingSlot {
  id: string;
  position: number;
  startsAt: string;
  endsAt: string;
}

function PresenceButtons({ presence, labels }: { presence: Presence; labels: Record<Presence, string> }) {
  // One form, several submit buttons: works without JavaScript, one tap sends one small POST.
  return (
    <div class="actions">
      {presence !== 'present' ? (
        <button type="submit" name="presence" value="present">
          {labels.present}
        </button>
      ) : null}
      {presence !== 'absent' ? (
        <button type="submit" name="presence" value="absent" class="secondary">
          {labels.absent}
        </button>
      ) : null}
      {presence !== 'unrecorded' ? (
        <button type="submit" name="presence" value="unrecorded" class="secondary">
          Annuler le pointage
        </button>
      ) : null}
    </div>
  );
}

function CandidateCard({ c, base, q, csrf }: { c: CandidatePresenceDto; base: string; q: string; csrf: string }) {
  return (
    <li class="card" id={`r-${c.registrationId}`}>
      <h3>{c.pseudonym || 'Sans pseudonyme'}</h3>
      <p>
        {`${c.siaeName}${c.walkIn ? ' — inscrit·e sur place' : ''} — `}
        <strong>{candidateLabels[c.presence]}</strong>
        {c.checkedInAt ? ` à ${hhmm(c.checkedInAt)}` : ''}
      </p>
      <form method="post" action={`${base}/candidats/${c.registrationId}`}>
        <CsrfField token={csrf} />
        <input type="hidden" name="q" value={q} />
        <PresenceButtons presence={c.presence} labels={candidateLabels} />
      </form>
    </li>
  );
}

function EmployerCard({
  e,
  base,
  q,
  csrf,
  upcoming,
}: {
  e: EmployerPresenceDto;
  base: string;
  q: string;
  csrf: string;
  upcoming: UpcomingSlot[];
}) {
  const selectId = `depart-${e.invitationId}`;
  return (
    <li class="card" id={`i-${e.invitationId}`}>
      <h3>{e.companyName}</h3>
      <p>
        <strong>{employerLabels[e.presence]}</strong>
        {e.checkedInAt ? ` depuis ${hhmm(e.checkedInAt)}` : ''}
        {e.leftAt ? ` — part à ${hhmm(e.leftAt)} (créneau ${e.leftFromSlotPosition ?? '?'})` : ''}
      </p>
      <form method="post" action={`${base}/employeurs/${e.invitationId}`}>
        <CsrfField token={csrf} />
        <input type="hidden" name="q" value={q} />
        <PresenceButtons presence={e.presence} labels={employerLabels} />
      </form>
      {e.presence === 'present' && upcoming.length > 0 ? (
        <form method="post" action={`${base}/employeurs/${e.invitationId}/depart`}>
          <CsrfField token={csrf} />
          <input type="hidden" name="q" value={q} />
          <div class="field">
            <label for={selectId}>Part plus tôt, à partir du créneau</label>
            <select id={selectId} name="fromSlotId">
              {upcoming.map((s) => (
                <option value={s.id}>{`${s.position} — ${slotLabel(s)}`}</option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit" class="secondary">
              Noter le départ
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

/** The organiser's check-in page on a phone: a search, one tap per person, the re-planning button. */
export function CheckInPage({
  list,
  q,
  csrf,
  who,
  upcoming,
  notice,
  problem,
}: {
  list: CheckInListDto;
  q: string;
  csrf: string;
  who: string;
  upcoming: UpcomingSlot[];
  notice?: string;
  problem?: FormProblem;
}) {
  const base = `/equipe/evenements/${list.eventId}/accueil`;
  // Without a search, the people still to check in come first; the page never lists more than CHECK_IN_PAGE_SIZE.
  const ordered = q
    ? list.candidates
    : [...list.candidates].sort((a, b) => Number(a.presence !== 'unrecorded') - Number(b.presence !== 'unrecorded'));
  const shown = ordered.slice(0, CHECK_IN_PAGE_SIZE);
  const hidden = ordered.length - shown.length;
  return (
    <Layout title={`Accueil — ${list.eventTitle}`} who={who}>
      <h1>{`Accueil — ${list.eventTitle}`}</h1>
      <p>
        {`${list.candidatesPresent} présent·e(s), ${list.candidatesAbsent} absent·e(s) sur ${list.candidatesExpected} candidat·es ; ${list.employersPresent} employeur(s) présent(s).`}
      </p>
      {notice ? <Notice kind="ok">{<p>{notice}</p>}</Notice> : null}
      <ProblemNotice title="Action refusée" problem={problem} />
      <form method="get" action={base} role="search">
        <div class="field">
          <label for="q">Rechercher un pseudonyme, une structure ou un employeur</label>
          <input id="q" name="q" type="text" inputMode="search" value={q} autoComplete="off" />
        </div>
        <div class="actions">
          <button type="submit">Rechercher</button>
          {q ? (
            <a class="button secondary" href={base}>
              Tout afficher
            </a>
          ) : null}
        </div>
      </form>

      <h2>{`Candidat·es (${list.candidates.length})`}</h2>
      {shown.length === 0 ? <p>Aucun·e candidat·e ne correspond.</p> : null}
      <ul class="cards">
        {shown.map((c) => (
          <CandidateCard c={c} base={base} q={q} csrf={csrf} />
        ))}
      </ul>
      {hidden > 0 ? <p class="muted">{`${hidden} autre(s) : recherchez par pseudonyme ou structure.`}</p> : null}

      <h2>{`Employeurs (${list.employers.length})`}</h2>
      {list.employers.length === 0 ? <p>Aucun employeur ne correspond.</p> : null}
      <ul class="cards">
        {list.employers.map((e) => (
          <EmployerCard e={e} base={base} q={q} csrf={csrf} upcoming={upcoming} />
        ))}
      </ul>

      <h2>Replanifier</h2>
      <p>
        Les entretiens tenus, en cours et annoncés à des personnes présentes sont gardés ; les places des absent·es sont
        redonnées aux candidat·es présent·es, à partir du prochain créneau.
      </p>
      <form method="post" action={`${base}/replanification`}>
        <CsrfField token={csrf} />
        <div class="actions">
          <button type="submit">Replanifier à partir du prochain créneau</button>
        </div>
      </form>
      <p>
        <a href={`/equipe/evenements/${list.eventId}/direct`}>Vue en direct</a>
      </p>
    </Layout>
  );
}

/** The live view: what is happening now, who waits without an interview, which tables are free. */
export function LivePage({ live, who }: { live: LiveViewDto; who: string }) {
  const next = live.nextSlot;
  const nextMeetings = next ? live.toCome.filter((m) => m.slotPosition === next.position) : [];
  return (
    <Layout title={`En direct — ${live.eventTitle}`} who={who}>
      <h1>{`En direct — ${live.eventTitle}`}</h1>
      <p>
        {live.currentSlot
          ? `Créneau ${live.currentSlot.position} en cours (${slotLabel(live.currentSlot)}).`
          : 'Aucun créneau en cours.'}
        {next ? ` Prochain : créneau ${next.position} à ${hhmm(next.startsAt)}.` : ' Plus de créneau à venir.'}
      </p>
      <p>{`${live.done.length} entretien(s) tenu(s), ${live.inProgress.length} en cours, ${live.toCome.length} à venir.`}</p>

      <h2>{`Candidat·es présent·es sans entretien (${live.candidatesWithoutInterview.length})`}</h2>
      {live.candidatesWithoutInterview.length === 0 ? <p>Personne n’attend sans entretien.</p> : null}
      <ul>
        {live.candidatesWithoutInterview.map((c) => (
          <li>{`${c.pseudonym} (${c.siaeName}) — ${c.interviewsHeld} entretien(s) tenu(s)${c.walkIn ? ', sur place' : ''}`}</li>
        ))}
      </ul>

      <h2>{`Employeurs avec des tables libres (${live.employersWithFreeTables.length})`}</h2>
      {live.employersWithFreeTables.length === 0 ? <p>Aucune table libre.</p> : null}
      <ul>
        {live.employersWithFreeTables.map((e) => (
          <li>{`${e.companyName} — ${e.freeTablesNow} table(s) libre(s) maintenant, ${e.freeCellsToCome} d’ici la fin`}</li>
        ))}
      </ul>

      <h2>{`En cours (${live.inProgress.length})`}</h2>
      <ul>
        {live.inProgress.map((m) => (
          <li>{`Table ${m.tableNumber} : ${m.companyName} — ${m.pseudonym}`}</li>
        ))}
      </ul>
      {next ? <h2>{`Créneau ${next.position} (${nextMeetings.length})`}</h2> : null}
      <ul>
        {nextMeetings.map((m) => (
          <li>{`Table ${m.tableNumber} : ${m.companyName} — ${m.pseudonym}`}</li>
        ))}
      </ul>
      <p>
        <a href={`/equipe/evenements/${live.eventId}/accueil`}>Retour à l’accueil</a>
      </p>
    </Layout>
  );
}

/**
 * A CIP registers one of her consented candidates on the spot (walk-in): accepted and checked in at once, within her
 * SIAE's places (the organisers grant extra places). Candidates already registered are not offered.
 */
export function WalkInPage({
  eventId,
  eventTitle,
  registrable,
  csrf,
  who,
  registered,
  problem,
}: {
  eventId: string;
  eventTitle: string;
  registrable: Array<{ candidateId: string; pseudonym: string; siaeName: string }>;
  csrf: string;
  who: string;
  registered?: string;
  problem?: FormProblem;
}) {
  return (
    <Layout title={`Inscription sur place — ${eventTitle}`} who={who}>
      <h1>{`Inscription sur place — ${eventTitle}`}</h1>
      <p>
        La personne est inscrite, acceptée et pointée présente aussitôt ; elle prend une place de votre structure. La
        prochaine replanification lui propose des entretiens.
      </p>
      {registered ? (
        <Notice kind="ok">
          <p role="status">{`${registered} est inscrit·e sur place et pointé·e présent·e.`}</p>
        </Notice>
      ) : null}
      <ProblemNotice title="Inscription refusée" problem={problem} />
      {registrable.length === 0 ? (
        <p>Aucun·e candidat·e de votre structure à inscrire (consentement « employeurs » et profil partagé requis).</p>
      ) : (
        <form method="post" action={`/equipe/evenements/${eventId}/sur-place`}>
          <CsrfField token={csrf} />
          <div class="field">
            <label for="candidateId">Candidat·e</label>
            <select id="candidateId" name="candidateId" required>
              {registrable.map((c) => (
                <option value={c.candidateId}>{`${c.pseudonym} — ${c.siaeName}`}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="maxInterviews">Nombre maximum d’entretiens</label>
            <input id="maxInterviews" name="maxInterviews" type="number" min={1} max={20} value="3" required />
          </div>
          <button type="submit">Inscrire sur place</button>
        </form>
      )}
    </Layout>
  );
}
