import { digitsOnly } from './text';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share SIREN 356000000 and their SIRETs do not follow Luhn (digit sum multiple of 5). */
const LA_POSTE_SIREN = '356000000';

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (const c of siret) sum += c.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhn(siret);
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhn(siren);
}

export interface SiretReading {
  /** 14 digits as typed (spaces removed), even when the checksum fails; null when not 14 digits. */
  siret: string | null;
  siretValid: boolean;
  /** SIREN from a valid SIRET, else from a valid SIREN field, else null. */
  siren: string | null;
}

/**
 * Reads what an SIAE typed in the SIRET and SIREN fields. A 9-digit SIRET field is a SIREN; a SIRET that fails its
 * checksum is kept (a wrong digit still says something) but never trusted on its own.
 */
export function readSiret(rawSiret: string | null | undefined, rawSiren: string | null | undefined): SiretReading {
  const s = digitsOnly(rawSiret);
  const n = digitsOnly(rawSiren);
  let siret: string | null = null;
  let siretValid = false;
  let siren: string | null = null;
  if (s.length === 14) {
    siret = s;
    siretValid = isValidSiret(s);
    if (siretValid) siren = s.slice(0, 9);
  } else if (s.length === 9 && isValidSiren(s)) {
    siren = s;
  }
  if (!siren && n.length === 9 && isValidSiren(n)) siren = n;
  if (!siren && n.length === 14 && isValidSiret(n)) siren = n.slice(0, 9);
  return { siret, siretValid, siren };
}

/** One wrong or two swapped adjacent digits between two SIRETs: one is a typo of the other. */
export function siretTypoOf(a: string, b: string): boolean {
  if (a.length !== 14 || b.length !== 14 || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < 14; i++) {
    if (a[i] !== b[i]) {
      diff.push(i);
      if (diff.length > 2) return false;
    }
  }
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * Two adjacent digits 0 and 9 swapped: the one slip Luhn does not see, so both SIRETs pass their checksum although one
 * is the other mistyped.
 */
export function zeroNineSwapOf(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  if (i + 1 >= a.length || a[i] !== b[i + 1] || a[i + 1] !== b[i] || a.slice(i + 2) !== b.slice(i + 2)) return false;
  return (a[i] === '0' && a[i + 1] === '9') || (a[i] === '9' && a[i + 1] === '0');
}
