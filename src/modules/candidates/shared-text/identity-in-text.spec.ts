import { identityFindings, identityIn, type CandidateIdentity } from './identity-in-text';

const fatima: CandidateIdentity = {
  firstName: 'Fatima',
  lastName: 'Benali-Ourahmoune',
  birthDate: '1991-03-07',
  phone: '+33 6 11 22 33 44',
  email: 'fatima.benali91@exemple.fr',
  address: '12 rue des Lilas, 69003 Lyon',
  pseudonym: 'Fatima B.',
};

describe('identityIn: shapes, whoever they belong to', () => {
  it.each([
    ['Appelez-la au 06 11 22 33 44', 'phone'],
    ['tel 0611223344', 'phone'],
    ['joignable au +33 7 12 34 56 78 le matin', 'phone'],
    ['06.98.76.54.32', 'phone'],
    ['0033 6 12 34 56 78', 'phone'],
    ['écrire à jean.dupont@mail.com', 'email'],
    ['contact : jdupont (at) gmail . com', 'email'],
    ['habite au 4 bis avenue Jean Jaurès', 'address'],
    ['près du 27, rue Paul Bert', 'address'],
    ['logée 3 impasse des Roses', 'address'],
  ])('%s → %s', (text, kind) => {
    expect(identityIn(text)).toBe(kind);
  });

  it.each([
    'Pas avant 8 h 30 (enfants à déposer)',
    'Chantier rénovation, 6 mois',
    'Formation HACCP 14 h, 2019-2021',
    'Disponible du 01/09/2026 au 30/06/2027',
    'Préfère les chantiers de la rue (voirie) au travail en atelier',
    'Restaurant d’insertion, service du midi',
    '',
  ])('leaves an ordinary text alone: %s', (text) => {
    expect(identityIn(text)).toBeNull();
  });
});

describe("identityIn: the person's own identity", () => {
  it.each([
    ['Madame Benali est ponctuelle', 'name'],
    ['OURAHMOUNE', 'name'],
    ['née le 07/03/1991', 'birthDate'],
    ['née le 7.3.91', 'birthDate'],
    ['1991-03-07', 'birthDate'],
    ['née le 7 mars 1991', 'birthDate'],
    ['écrit à fatima.benali91', 'email'],
    ['vit rue des Lilas', 'address'],
    ['son numéro finit par 611223344', 'phone'],
  ])('%s → %s', (text, kind) => {
    expect(identityIn(text, fatima)).toBe(kind);
  });

  it('lets the first name through when the pseudonym already shows it, not when the pseudonym is an alias', () => {
    expect(identityIn('Fatima préfère le matin', fatima)).toBeNull();
    expect(identityIn('Fatima préfère le matin', { ...fatima, pseudonym: 'Tournesol' })).toBe('name');
  });

  it('does not take another date, or a short word inside a longer one, for the identity', () => {
    expect(identityIn('Disponible le 07/03/2027', fatima)).toBeNull();
    expect(identityIn('Benaliste', fatima)).toBeNull();
  });

  it('names every field that gives something away', () => {
    expect(
      identityFindings(
        [
          { field: 'timeConstraints', label: 'contraintes horaires', text: 'le matin' },
          { field: 'skills[0].note', label: 'note sur la compétence', text: 'voir avec Benali' },
          { field: 'skills[1].note', label: 'note sur la compétence', text: null },
        ],
        fatima,
      ),
    ).toEqual([{ field: 'skills[0].note', label: 'note sur la compétence', kind: 'name' }]);
  });
});
