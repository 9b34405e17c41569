import { ERASED_CONTACT_MARK as X, mentions, personMatcher, scrubJson, scrubText } from './contact-scrub';

const gwen = {
  firstName: 'Gwenaëlle',
  lastName: 'Le Kerzerho',
  email: 'G.Kerzerho@Blanchisserie.fr',
  phone: '06 47 58 69 70',
  emailNormalised: 'g.kerzerho@blanchisserie.fr',
  phoneE164: '+33647586970',
};

describe('contact scrub (GDPR erasure of a company contact in free text)', () => {
  const m = personMatcher([gwen]);

  it('finds the names whatever the case, accents or hyphens, whole words only', () => {
    expect(scrubText('Appel à Gwenaëlle Le Kerzerho ce matin', m)).toBe(`Appel à ${X} ce matin`);
    expect(scrubText('rdv avec GWENAELLE, puis le-kerzerho', m)).toBe(`rdv avec ${X}, puis ${X}`);
    expect(scrubText('Mme Kerzerho absente', m)).toBe(`Mme ${X} absente`);
    expect(scrubText('Kerzerhoville et Gwenaëlles', m)).toBe('Kerzerhoville et Gwenaëlles');
    expect(scrubText('Le matin, le client', m)).toBe('Le matin, le client'); // "Le" of "Le Kerzerho" alone is an everyday word
  });

  it('finds the e-mail and the phone in their usual spellings', () => {
    expect(scrubText('écrire à g.kerzerho@blanchisserie.fr', m)).toBe(`écrire à ${X}`);
    for (const phone of [
      '06 47 58 69 70',
      '06.47.58.69.70',
      '0647586970',
      '+33 6 47 58 69 70',
      '+33 (0)6 47 58 69 70',
      '0033647586970',
    ])
      expect([phone, scrubText(`tel ${phone}.`, m)]).toEqual([phone, `tel ${X}.`]);
    expect(scrubText('ref 106475869701', m)).toBe('ref 106475869701');
  });

  it('expands œ and scrubs strings inside JSON, leaving the rest', () => {
    const m2 = personMatcher([
      {
        firstName: null,
        lastName: 'Cœurdevey',
        email: null,
        phone: '+41 22 345 67 89',
        emailNormalised: null,
        phoneE164: '+41223456789',
      },
    ]);
    expect(scrubText('M. Coeurdevey, +41 22 345 67 89', m2)).toBe(`M. ${X}, ${X}`);
    expect(scrubJson({ reason: 'Mme Kerzerho en congé', n: 3, ids: ['a'] }, m)).toEqual({
      reason: `Mme ${X} en congé`,
      n: 3,
      ids: ['a'],
    });
    expect(mentions('rien à voir', m)).toBe(false);
    expect(mentions('voir Kerzerho', m)).toBe(true);
    expect(mentions('voir Kerzerho', m)).toBe(true); // the global regexp's state does not leak between calls
  });

  it('has nothing to look for without identifiers', () => {
    expect(
      personMatcher([
        { firstName: null, lastName: ' ', email: null, phone: null, emailNormalised: null, phoneE164: null },
      ]),
    ).toBeNull();
  });
});
