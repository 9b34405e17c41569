import fc from 'fast-check';
import { isValidSiret, luhnValid, siretProblem } from './siret';

describe('SIRET validation', () => {
  it.each([
    ['73282932000074', 'a real Luhn-valid SIRET'],
    ['35600000000048', "La Poste's head office, which passes Luhn"],
    ['35600000049837', 'a La Poste establishment whose digits sum to a multiple of 5'],
    ['35600000012346', 'another La Poste establishment (digits sum to 30)'],
  ])('accepts %s (%s)', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each([
    ['73282932000075', 'checksum', 'a wrong check digit'],
    ['35600000012458', 'checksum', 'a La Poste SIRET failing both rules'],
    ['35700000049836', 'checksum', 'the La Poste rule applied to another SIREN (sum 45, Luhn fails)'],
    ['7328293200007', 'format', '13 digits'],
    ['732829320000745', 'format', '15 digits'],
    ['7328293200007A', 'format', 'a letter'],
    ['732 829 320 00074', 'format', 'spaces'],
    ['', 'format', 'an empty string'],
  ])('refuses %s (%s: %s)', (siret, problem) => {
    expect(siretProblem(siret)).toBe(problem);
  });

  it('refuses values that are not strings', () => {
    expect(siretProblem(73282932000074)).toBe('format');
    expect(siretProblem(null)).toBe('format');
    expect(siretProblem(undefined)).toBe('format');
  });

  it('accepts exactly one check digit for every 13-digit prefix outside La Poste', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{13}$/), (prefix) => {
        fc.pre(!prefix.startsWith('356000000'));
        const valid = [...'0123456789'].filter((d) => isValidSiret(prefix + d));
        expect(valid).toHaveLength(1);
      }),
    );
  });

  it('detects every single-digit substitution (the property Luhn is chosen for)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{13}$/),
        fc.nat(13),
        fc.integer({ min: 1, max: 9 }),
        (prefix, position, delta) => {
          const check = [...'0123456789'].find((d) => luhnValid(prefix + d))!;
          const siret = prefix + check;
          const changed =
            siret.slice(0, position) + String((Number(siret[position]) + delta) % 10) + siret.slice(position + 1);
          expect(luhnValid(changed)).toBe(false);
        },
      ),
    );
  });
});
