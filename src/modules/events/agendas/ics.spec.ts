import ICAL from 'ical.js';
import { buildIcs, escapeText, foldLine, type IcsMeeting } from './ics';

/** Parses with ical.js (a real RFC 5545 parser) and registers the calendar's VTIMEZONE, as a calendar app does. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz), tz.getFirstPropertyValue('tzid') as string);
  return root;
}

const meeting = (overrides: Partial<IcsMeeting> = {}): IcsMeeting => ({
  uid: '6f1c2b7e-1111-4222-8333-944455556666',
  sequence: 0,
  startsAt: new Date('2027-03-12T08:00:00Z'),
  endsAt: new Date('2027-03-12T08:15:00Z'),
  summary: 'Entretien — Propreté Rhône Services',
  location: '12 rue du Dauphiné, Lyon',
  cancelled: false,
  ...overrides,
});

const stamp = new Date('2027-03-01T10:20:30.456Z');

describe('buildIcs (parsed back with ical.js)', () => {
  it('writes one VEVENT per meeting with its stable UID, SEQUENCE, STATUS, DTSTAMP and LOCATION', () => {
    const root = parse(
      buildIcs({
        name: 'Mon agenda',
        method: 'PUBLISH',
        stamp,
        meetings: [meeting(), meeting({ uid: 'a2', sequence: 3, cancelled: true })],
      }),
    );
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.uid, e.sequence, e.component.getFirstPropertyValue('status')])).toEqual([
      ['6f1c2b7e-1111-4222-8333-944455556666@maillage', 0, 'CONFIRMED'],
      ['a2@maillage', 3, 'CANCELLED'],
    ]);
    expect(events[0].location).toBe('12 rue du Dauphiné, Lyon');
    expect(events[0].summary).toBe('Entretien — Propreté Rhône Services');
    const dtstamp = events[0].component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(dtstamp.toJSDate().toISOString()).toBe('2027-03-01T10:20:30.000Z');
  });

  it('places times in Europe/Paris through the VTIMEZONE, in winter (UTC+1) and in summer (UTC+2)', () => {
    const winter = meeting();
    const summer = meeting({
      uid: 'summer',
      startsAt: new Date('2027-06-15T07:30:00Z'),
      endsAt: new Date('2027-06-15T07:50:00Z'),
    });
    // the night of the change to summer time (last Sunday of March 2027 is the 28th)
    const change = meeting({
      uid: 'change',
      startsAt: new Date('2027-03-28T00:30:00Z'),
      endsAt: new Date('2027-03-28T01:30:00Z'),
    });
    const text = buildIcs({ name: 'x', method: 'PUBLISH', stamp, meetings: [winter, summer, change] });
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270312T090000');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270615T093000');
    const events = parse(text)
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      ['2027-03-12T08:00:00.000Z', '2027-03-12T08:15:00.000Z'],
      ['2027-06-15T07:30:00.000Z', '2027-06-15T07:50:00.000Z'],
      ['2027-03-28T00:30:00.000Z', '2027-03-28T01:30:00.000Z'],
    ]);
    expect(events[0].startDate.zone.tzid).toBe('Europe/Paris');
  });

  it('escapes commas, semicolons, backslashes and newlines so the parser gives the text back unchanged', () => {
    const nasty = 'Bât. B, 2e étage; code \\ 1234\nSonner à « Accueil »';
    const root = parse(
      buildIcs({
        name: 'Agenda; de, test',
        method: 'PUBLISH',
        stamp,
        meetings: [meeting({ location: nasty, description: `Accès :\r\n${nasty}`, summary: 'A, B; C' })],
      }),
    );
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    expect(event.location).toBe(nasty);
    expect(event.description).toBe(`Accès :\n${nasty}`);
    expect(event.summary).toBe('A, B; C');
    // ical.js keeps NAME / X-WR-CALNAME (not in its RFC 5545 design set) raw: the TEXT escapes are there, as required
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Agenda\\; de\\, test');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without cutting a UTF-8 character, and the parser unfolds them', () => {
    const long = 'Entrée par la cour intérieure, à gauche après le portail vert, ascenseur jusqu’au 3e étage. '.repeat(
      6,
    );
    const text = buildIcs({
      name: 'x',
      method: 'PUBLISH',
      stamp,
      meetings: [meeting({ description: long })],
    });
    for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const event = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    expect(event.description).toBe(long);
    // every continuation starts with exactly one space and a multi-byte character stays whole
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    expect(folded.split('\r\n').map((l) => Buffer.byteLength(l, 'utf8'))).toEqual([74, 75, 25]);
  });

  it('writes a CANCEL with the raised SEQUENCE and STATUS:CANCELLED, and the organiser', () => {
    const root = parse(
      buildIcs({
        name: 'Annulation',
        method: 'CANCEL',
        stamp,
        organizer: { name: 'Inter-SIAE "Lyon"', email: 'ne-pas-repondre@maillage.local' },
        meetings: [meeting({ sequence: 2, cancelled: true })],
      }),
    );
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL');
    const event = root.getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    const organizer = event.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:ne-pas-repondre@maillage.local');
    expect(organizer.getParameter('cn')).toBe('Inter-SIAE Lyon');
  });
});
