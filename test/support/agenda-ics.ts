import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  description: string;
  start: Date;
  end: Date;
  /** The wall-clock time written in the file (`HH:MM`) and its TZID. */
  localStart: string;
  tzid: string;
}

export interface ParsedCalendar {
  method: string;
  timezones: string[];
  events: ParsedEvent[];
}

/**
 * Parses an agenda with ical.js (a real RFC 5545 parser), registering its VTIMEZONE as a calendar app does, so that
 * the instants compared by the tests come from the file's own time zone definition.
 */
export function parseAgenda(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const timezones = root.getAllSubcomponents('vtimezone').map((tz) => {
    const id = tz.getFirstPropertyValue('tzid') as string;
    ICAL.TimezoneService.register(new ICAL.Timezone(tz), id);
    return id;
  });
  const events = root.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const start = c.getFirstProperty('dtstart')!;
    return {
      uid: e.uid.replace(/@maillage$/, ''),
      sequence: e.sequence,
      status: c.getFirstPropertyValue('status') as string,
      summary: e.summary,
      location: e.location,
      description: e.description,
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
      localStart: `${String(e.startDate.hour).padStart(2, '0')}:${String(e.startDate.minute).padStart(2, '0')}`,
      tzid: start.getParameter('tzid') as string,
    };
  });
  return { method: root.getFirstPropertyValue('method') as string, timezones, events };
}

/** The ICS body of a supertest response (text/calendar is not parsed by supertest). */
export function icsText(res: { status: number; text: string; headers: Record<string, string> }): string {
  if (res.status !== 200) throw new Error(`ICS: ${res.status} ${res.text}`);
  if (!/^text\/calendar/.test(res.headers['content-type']))
    throw new Error(`not text/calendar: ${res.headers['content-type']}`);
  return res.text;
}

/** The token of a personal link address (`…/lien/<token>`). */
export const tokenOfUrl = (url: string) => /\/lien\/([A-Za-z0-9_-]{43})$/.exec(url)![1];
