/**
 * iCalendar (RFC 5545) writer for the agendas: a pure function, no I/O, no clock (the caller passes DTSTAMP).
 *
 * Written by hand rather than with ical-generator (checked: 11.1.2): with a calendar time zone it formats native Dates
 * with the *server's* local getters (`getHours`), so a correct Europe/Paris time needs another date library
 * (@date-fns/tz, luxon…), and it emits no VTIMEZONE without a generator function: we would still write the VTIMEZONE
 * and the time conversion ourselves. What is left — escaping, folding at 75 octets without cutting a UTF-8 character,
 * CRLF — is short and tested against a real parser (ical.js) in ics.spec.ts.
 */

export const ICS_TIME_ZONE = 'Europe/Paris';

/** One meeting as a VEVENT. `uid` is `event_meeting.id` (stable across re-planning), `sequence` its SEQUENCE. */
export interface IcsMeeting {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string;
  location: string;
  cancelled: boolean;
  lastModified?: Date;
  url?: string;
}

export interface IcsCalendar {
  /** Shown by calendar apps as the calendar's name. */
  name: string;
  /**
   * PUBLISH for an agenda (live meetings, cancelled ones marked STATUS:CANCELLED); CANCEL for the message that
   * withdraws meetings (each STATUS:CANCELLED with its raised SEQUENCE).
   */
  method: 'PUBLISH' | 'CANCEL';
  /** DTSTAMP: when this calendar object was made (the injected clock's now). */
  stamp: Date;
  organizer?: { name: string; email: string };
  meetings: IcsMeeting[];
}

/** The UID domain part: constant, so a UID never changes when the service moves to another address. */
const UID_DOMAIN = 'maillage';

/**
 * Europe/Paris since 1996 (EU rules: last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET). Our
 * events are in the future; earlier rules are never needed.
 */
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ICS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Local date-time in Paris, `YYYYMMDDTHHMMSS` (used with `;TZID=Europe/Paris`). */
export function parisLocal(instant: Date): string {
  const p = Object.fromEntries(parisParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** UTC date-time, `YYYYMMDDTHHMMSSZ` (DTSTAMP and LAST-MODIFIED must be UTC). */
export function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (CN=…) cannot hold a double quote or a control character: they are dropped. */
function paramValue(value: string): string {
  return `"${value.replace(/["\u0000-\u001f\u007f]/g, '')}"`;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space, and a multi-byte UTF-8
 * character is never cut (Outlook and some phones show mojibake otherwise).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // 75 octets per physical line, the continuation's leading space included.
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function vevent(meeting: IcsMeeting, stamp: Date, organizer: IcsCalendar['organizer']): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${meeting.uid}@${UID_DOMAIN}`,
    `SEQUENCE:${meeting.sequence}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    `DTSTART;TZID=${ICS_TIME_ZONE}:${parisLocal(meeting.startsAt)}`,
    `DTEND;TZID=${ICS_TIME_ZONE}:${parisLocal(meeting.endsAt)}`,
    `SUMMARY:${escapeText(meeting.summary)}`,
    `LOCATION:${escapeText(meeting.location)}`,
    `STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
  ];
  if (meeting.description) lines.push(`DESCRIPTION:${escapeText(meeting.description)}`);
  if (meeting.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(meeting.lastModified)}`);
  if (meeting.url) lines.push(`URL:${meeting.url.replace(/[\r\n]/g, '')}`);
  if (organizer) lines.push(`ORGANIZER;CN=${paramValue(organizer.name)}:mailto:${organizer.email}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as text, CRLF line ends, folded. */
export function buildIcs(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Maillage//Agendas des job datings//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method}`,
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${ICS_TIME_ZONE}`,
    ...PARIS_VTIMEZONE,
    ...calendar.meetings.flatMap((m) => vevent(m, calendar.stamp, calendar.organizer)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
