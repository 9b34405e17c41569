/**
 * SIRET = SIREN (9 digits) + NIC (5 digits), with a Luhn checksum over the 14 digits.
 *
 * La Poste registers all its establishments under one SIREN (356000000) and ran out of Luhn-valid NICs long ago; INSEE
 * gives its SIRETs another key: the sum of the 14 digits is a multiple of 5. Its head office (35600000000048) still
 * passes Luhn, so for that SIREN either rule is accepted.
 */
export const LA_POSTE_SIREN = '356000000';

export type SiretProblem = 'format' | 'checksum';

function digitsOf(value: string): number[] {
  return [...value].map(Number);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  const values = digitsOf(digits);
  for (let i = 0; i < values.length; i++) {
    let d = values[values.length - 1 - i];
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why a value is not a SIRET, or `null` when it is one. Spaces are not tolerated: callers normalise input first. */
export function siretProblem(value: unknown): SiretProblem | null {
  if (typeof value !== 'string' || !/^[0-9]{14}$/.test(value)) return 'format';
  if (luhnValid(value)) return null;
  if (value.startsWith(LA_POSTE_SIREN) && digitsOf(value).reduce((a, b) => a + b, 0) % 5 === 0) return null;
  return 'checksum';
}

export function isValidSiret(value: unknown): value is string {
  return siretProblem(value) === null;
}
