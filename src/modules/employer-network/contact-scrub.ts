import { fold } from './linking/text';

/** What replaces a contact's name, e-mail or phone in free text once the contact is erased. */
export const ERASED_CONTACT_MARK = '[contact effacé]';

export interface ContactIdentity {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  emailNormalised: string | null;
  phoneE164: string | null;
}

/** Each folded letter matches its accented forms: "Helene" typed in a note is still "Hélène". */
const ACCENTED: Record<string, string> = {
  a: 'aàâäáãå',
  c: 'cç',
  e: 'eéèêë',
  i: 'iîïíì',
  o: 'oôöóòõ',
  u: 'uùûüú',
  y: 'yÿý',
  n: 'nñ',
};

/** Words of a name that are everyday words too ("Le Kerzerho", "De La Fontaine"): never looked for on their own. */
const PARTICLES = new Set([
  'les',
  'des',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'ben',
  'bin',
  'dos',
  'das',
  'mme',
  'mlle',
  'monsieur',
  'madame',
]);

function namePattern(name: string): string {
  const folded = fold(name.trim());
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    const pair = folded.slice(i, i + 2);
    if (pair === 'oe' || pair === 'ae') {
      // "Cœur" folds to "coeur", "Gwenaëlle" to "gwenaelle": the pair is either a ligature or two (accented) letters
      out += `(?:[${ACCENTED[ch]}][${ACCENTED.e}]|${pair === 'oe' ? 'œ' : 'æ'})`;
      i++;
    } else if (/[\s-]/.test(ch)) {
      while (i + 1 < folded.length && /[\s-]/.test(folded[i + 1])) i++;
      out += '[\\s-]+';
    } else if (ch === "'" || ch === '’') out += "['’]";
    else if (ACCENTED[ch]) out += `[${ACCENTED[ch]}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return `(?<![\\p{L}\\p{N}])${out}(?![\\p{L}\\p{N}])`;
}

/** A phone number written with or without spaces, dots or dashes, in national (06…) or international (+33 6…) form. */
function phonePattern(phone: string | null, e164: string | null): string | null {
  const sep = '[\\s.\\-]*';
  if (e164?.startsWith('+33') && e164.length === 12) {
    const rest = e164.slice(3).split('').join(sep);
    return `(?<!\\d)(?:(?:\\+|00)33${sep}(?:\\(0\\)${sep})?|0)${rest}(?!\\d)`;
  }
  const digits = (e164 ?? phone ?? '').replace(/\D/g, '');
  return digits.length >= 6 ? `(?<!\\d)\\+?${digits.split('').join(sep)}(?!\\d)` : null;
}

/**
 * One expression that finds a person in free text (notes, pause reasons, audit reasons, e-mails): each name as typed and
 * each word of it (the import keeps "Hélène Ménard" whole in the last name), the e-mail addresses, the phone in its usual
 * spellings. Longest first so that "Hélène Ménard" is replaced whole. Null when there is nothing to look for.
 */
export function personMatcher(people: ContactIdentity[]): RegExp | null {
  const names = new Set<string>();
  const literal = new Set<string>();
  const phones = new Set<string>();
  for (const p of people) {
    for (const n of [p.firstName, p.lastName]) {
      if (!n?.trim()) continue;
      names.add(n.trim());
      for (const word of n.trim().split(/\s+/))
        if (fold(word).replace(/[^a-z0-9]/g, '').length >= 3 && !PARTICLES.has(fold(word))) names.add(word);
    }
    if (p.firstName?.trim() && p.lastName?.trim()) {
      names.add(`${p.firstName.trim()} ${p.lastName.trim()}`);
      names.add(`${p.lastName.trim()} ${p.firstName.trim()}`);
    }
    for (const e of [p.email, p.emailNormalised])
      if (e?.trim()) literal.add(e.trim().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    const phone = phonePattern(p.phone, p.phoneE164);
    if (phone) phones.add(phone);
  }
  const alternatives = [...literal, ...phones, ...[...names].sort((a, b) => b.length - a.length).map(namePattern)];
  return alternatives.length ? new RegExp(alternatives.join('|'), 'giu') : null;
}

export function mentions(text: string | null | undefined, matcher: RegExp | null): boolean {
  if (!text || !matcher) return false;
  matcher.lastIndex = 0;
  const found = matcher.test(text);
  matcher.lastIndex = 0;
  return found;
}

export function scrubText(text: string, matcher: RegExp | null): string {
  if (!matcher) return text;
  matcher.lastIndex = 0;
  return text.replace(matcher, ERASED_CONTACT_MARK);
}

/** Every string inside a JSON value (audit contexts), scrubbed; numbers, ids and structure left as they are. */
export function scrubJson(value: unknown, matcher: RegExp | null): unknown {
  if (typeof value === 'string') return scrubText(value, matcher);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, matcher));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, matcher)]));
  return value;
}
