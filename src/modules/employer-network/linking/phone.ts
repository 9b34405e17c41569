import { digitsOnly } from './text';

/**
 * French phone numbers to E.164, written small on purpose: the SIAE type national numbers ("06 12 34 56 78",
 * "06.12.34.56.78", "+33 (0)6 12…", "0033 6…", "6 12 34 56 78") and occasionally a foreign one with its "+".
 * Returns null for what cannot be a phone number, so that "—" or "NC" never link two people.
 */
export function toE164(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  let digits = digitsOnly(trimmed.replace(/\(0\)/g, ''));
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (international) {
    if (digits.startsWith('33')) {
      let national = digits.slice(2);
      if (national.length === 10 && national.startsWith('0')) national = national.slice(1);
      return national.length === 9 && /^[1-9]/.test(national) ? `+33${national}` : null;
    }
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (digits.length === 10 && digits.startsWith('0') && digits[1] !== '0') return `+33${digits.slice(1)}`;
  // a leading 0 lost in a spreadsheet's number column
  if (digits.length === 9 && /^[1-9]/.test(digits)) return `+33${digits}`;
  return null;
}

export function normaliseEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const e = raw
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : null;
}
