/**
 * Does a free text that partner SIAE or employers will read give a person's identity away? Pure: no I/O, so the
 * profile write, the one-off scan of existing rows and later modules (events, proposals) share the very same rule.
 *
 * Two kinds of findings:
 * - shapes, whoever they belong to: a phone number, an e-mail address, a street address (number + street word);
 * - the person's own identity: last name, first name (unless the pseudonym already shows it), birth date in any usual
 *   writing, e-mail local part, street of the address.
 * A false positive costs a CIP a rewording; a false negative puts a person's contact details in front of employers.
 */

export type IdentityKind = 'phone' | 'email' | 'address' | 'name' | 'birthDate';

/** What the check knows of the person; any part may be missing. */
export interface CandidateIdentity {
  firstName?: string | null;
  lastName?: string | null;
  /** ISO date, YYYY-MM-DD. */
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  /** The name shown to partners: a first name it already shows is no leak. */
  pseudonym?: string | null;
}

export interface SharedTextField {
  /** Path of the field in the request (`timeConstraints`, `skills[2].note`): named in the error. */
  field: string;
  /** How a user calls it, in French (`contraintes horaires`). */
  label: string;
  text: string | null | undefined;
}

export interface IdentityFinding {
  field: string;
  label: string;
  kind: IdentityKind;
}

/** Lowercase, accents off, anything but letters and digits turned into single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.+]+/g, ' ')
    .trim();
}

const words = (s: string) => fold(s).replace(/[@.+]/g, ' ').split(/\s+/).filter(Boolean);

// 9 to 15 digits with at most one separator between two digits: "06 11 22 33 44", "+33 6 11 22 33 44", "0611223344",
// "06.11.22.33.44". Dates (8 digits at most) and amounts stay below 9 digits.
const PHONE = /(?:\+|\b00\s?)?\d(?:[\s.\-/]?\d){8,14}\b/;
const EMAIL =
  /[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\]|\sarobase\s)\s*[a-z0-9-]+(?:\.[a-z0-9-]+)*\s*(?:\.|\spoint\s)\s*[a-z]{2,}/i;
const STREET_WORDS = [
  'rue',
  'avenue',
  'av',
  'boulevard',
  'bd',
  'bld',
  'chemin',
  'impasse',
  'allee',
  'place',
  'route',
  'quai',
  'cours',
  'square',
  'passage',
  'lotissement',
  'residence',
  'hameau',
  'lieu dit',
  'chaussee',
  'voie',
  'sentier',
  'cite',
  'montee',
  'faubourg',
  'esplanade',
  'parvis',
  'rond point',
];
// "12 rue…", "12 bis, avenue…", "3ter impasse…": a number right before a street word.
const STREET = new RegExp(`\\b\\d{1,4}\\s?(?:bis|ter|b)?\\s+(?:${STREET_WORDS.join('|')})\\b`);

const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];

/** Every date written in the text, as [year or 2-digit year, month, day]. */
function datesIn(text: string): Array<[number, number, number, boolean]> {
  const found: Array<[number, number, number, boolean]> = [];
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  for (const m of plain.matchAll(/\b(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4}|\d{2})\b/g))
    found.push([Number(m[3]), Number(m[2]), Number(m[1]), m[3].length === 2]);
  for (const m of plain.matchAll(/\b(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\b/g))
    found.push([Number(m[1]), Number(m[2]), Number(m[3]), false]);
  for (const m of plain.matchAll(
    new RegExp(`\\b(\\d{1,2})(?:er)?\\s+(${MONTHS.join('|')})\\s+(\\d{4}|\\d{2})\\b`, 'g'),
  ))
    found.push([Number(m[3]), MONTHS.indexOf(m[2]) + 1, Number(m[1]), m[3].length === 2]);
  return found;
}

function revealsBirthDate(text: string, birthDate: string): boolean {
  const [y, mo, d] = birthDate.split('-').map(Number);
  return datesIn(text).some(
    ([year, month, day, short]) => month === mo && day === d && (short ? year === y % 100 : year === y),
  );
}

/** Name parts of 3 letters or more, as whole words (a 2-letter part would match too many ordinary words). */
function nameParts(name: string): string[] {
  const parts = words(name).filter((p) => p.length >= 3 && !/^\d+$/.test(p));
  const whole = words(name).join('');
  return whole.length >= 3 && !parts.includes(whole) ? [...parts, whole] : parts;
}

/** The street of an address without its number ("rue des lilas"), when long enough to mean something. */
function streetOf(address: string): string | null {
  const first = address.split(/,|\n|\b\d{5}\b/)[0] ?? '';
  const street = words(first)
    .filter((w) => !/^\d+(bis|ter)?$/.test(w) && w !== 'bis' && w !== 'ter')
    .join(' ');
  return street.length >= 8 ? street : null;
}

/** The first identity a text gives away, or null. */
export function identityIn(text: string, identity: CandidateIdentity = {}): IdentityKind | null {
  if (!text.trim()) return null;
  const folded = fold(text);
  const textWords = new Set(words(text));
  const phrase = ` ${words(text).join(' ')} `;
  if (identity.email && folded.includes(fold(identity.email))) return 'email';
  if (EMAIL.test(text)) return 'email';
  if (identity.phone) {
    const digits = identity.phone.replace(/\D/g, '').slice(-9);
    if (digits.length === 9 && text.replace(/\D/g, '').includes(digits)) return 'phone';
  }
  if (identity.birthDate && revealsBirthDate(text, identity.birthDate)) return 'birthDate';
  if (PHONE.test(text)) return 'phone';
  if (STREET.test(folded)) return 'address';
  if (identity.address) {
    const street = streetOf(identity.address);
    if (street && phrase.includes(` ${street} `)) return 'address';
  }
  if (identity.lastName && nameParts(identity.lastName).some((p) => textWords.has(p))) return 'name';
  if (identity.firstName) {
    const shown = new Set(identity.pseudonym ? words(identity.pseudonym) : []);
    const first = nameParts(identity.firstName).filter((p) => !shown.has(p));
    if (first.some((p) => textWords.has(p))) return 'name';
  }
  if (identity.email) {
    const local = fold(identity.email.split('@')[0] ?? '');
    if (local.length >= 5 && (textWords.has(local) || folded.includes(local.replace(/\s+/g, '.')))) return 'email';
  }
  return null;
}

/** Every field that gives something away (one finding per field). */
export function identityFindings(fields: SharedTextField[], identity: CandidateIdentity = {}): IdentityFinding[] {
  const findings: IdentityFinding[] = [];
  for (const f of fields) {
    const kind = f.text ? identityIn(f.text, identity) : null;
    if (kind) findings.push({ field: f.field, label: f.label, kind });
  }
  return findings;
}

export const identityKindLabels: Record<IdentityKind, string> = {
  phone: 'un numéro de téléphone',
  email: 'une adresse e-mail',
  address: 'une adresse postale',
  name: 'le nom de la personne',
  birthDate: 'sa date de naissance',
};
