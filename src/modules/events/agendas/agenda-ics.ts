import type { MailAttachment } from '../../notifications/mail-message.entity';
import { buildIcs, type IcsMeeting } from './ics';
import type {
  AgendaEventDto,
  AgendaMeetingDto,
  CandidateAgendaDto,
  EmployerAgendaDto,
  OrganiserGridDto,
  SiaeAgendaDto,
  StaffAgendaMeetingDto,
} from './dto/agenda.dto';

/**
 * The agendas as iCalendar files (METHOD:PUBLISH): one VEVENT per meeting, UID = the meeting's id (stable across
 * re-planning), SEQUENCE = its sequence; a meeting cancelled after being announced stays in the file as
 * STATUS:CANCELLED with its raised SEQUENCE, so a calendar that imported it drops it. LOCATION is the event's place,
 * DESCRIPTION its title and access notes.
 */
function vevent(event: AgendaEventDto, m: AgendaMeetingDto, summary: string): IcsMeeting {
  return {
    uid: m.id,
    sequence: m.sequence,
    startsAt: new Date(m.startsAt),
    endsAt: new Date(m.endsAt),
    summary: m.cancelled ? `ANNULÉ — ${summary}` : summary,
    location: event.place,
    description: [event.title, `Table ${m.tableNumber}`, event.accessNotes ? `Accès : ${event.accessNotes}` : null]
      .filter(Boolean)
      .join('\n'),
    cancelled: m.cancelled,
  };
}

const calendar = (name: string, stamp: Date, meetings: IcsMeeting[]) =>
  buildIcs({ name, method: 'PUBLISH', stamp, meetings });

export const candidateIcs = (a: CandidateAgendaDto, stamp: Date) =>
  calendar(
    `${a.event.title} — mon agenda`,
    stamp,
    a.meetings.map((m) => vevent(a.event, m, `Entretien avec ${m.employer} (table ${m.tableNumber})`)),
  );

export const employerIcs = (a: EmployerAgendaDto, stamp: Date) =>
  calendar(
    `${a.event.title} — ${a.company}`,
    stamp,
    a.meetings.map((m) => vevent(a.event, m, `Entretien avec ${m.pseudonym} (table ${m.tableNumber})`)),
  );

const staffSummary = (m: StaffAgendaMeetingDto) => `${m.pseudonym} × ${m.employer} (table ${m.tableNumber})`;

export const siaeIcs = (a: SiaeAgendaDto, stamp: Date) =>
  calendar(
    `${a.event.title} — nos candidat·es`,
    stamp,
    a.meetings.map((m) => vevent(a.event, m, staffSummary(m))),
  );

export const gridIcs = (g: OrganiserGridDto, stamp: Date) =>
  calendar(`${g.event.title} — toutes les rencontres`, stamp, [
    ...g.tables.flatMap((t) =>
      t.cells.flatMap((c) => (c.meeting ? [vevent(g.event, c.meeting, staffSummary(c.meeting))] : [])),
    ),
    ...g.cancelled.map((m) => vevent(g.event, m, staffSummary(m))),
  ]);

/**
 * An agenda sent with an e-mail: the file of the download, its method repeated in the Content-Type as RFC 6047 asks of
 * a calendar part (a mail client then offers to add it, not to answer an invitation).
 */
export const icsAttachment = (filename: string, ics: string): MailAttachment => ({
  filename,
  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  content: ics,
});
