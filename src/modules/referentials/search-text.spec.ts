import { expandSaint, isPostcodePrefix, MAX_QUERY_WORDS, queryWords } from './search-text';

describe('search-text', () => {
  it('splits on anything that is not a letter or a digit, accents kept for PostgreSQL to fold', () => {
    expect(queryWords("Agent d'entr")).toEqual(['Agent', 'entr']);
    expect(queryWords('aide-soignant·e / ASH')).toEqual(['aide', 'soignant', 'ASH']);
    expect(queryWords('Électricien')).toEqual(['Électricien']);
  });

  it('drops one-letter elisions unless nothing else is left, keeps single digits', () => {
    expect(queryWords("l'a")).toEqual(['l', 'a']);
    expect(queryWords('Lyon 3')).toEqual(['Lyon', '3']);
    expect(queryWords('--')).toEqual([]);
  });

  it('caps the number of words', () => {
    expect(queryWords('un deux trois quatre cinq six sept huit')).toHaveLength(MAX_QUERY_WORDS);
  });

  it('expands St/Ste to the full form first, keeping the abbreviation as an alternative', () => {
    expect(expandSaint('St')).toEqual(['saint', 'st']);
    expect(expandSaint('ste')).toEqual(['sainte', 'ste']);
    expect(expandSaint('stenay')).toEqual(['stenay']);
  });

  it('recognises postcode prefixes of 2 to 5 digits, spaces ignored', () => {
    expect(isPostcodePrefix('69')).toBe(true);
    expect(isPostcodePrefix('69 001')).toBe(true);
    expect(isPostcodePrefix('6')).toBe(false);
    expect(isPostcodePrefix('690011')).toBe(false);
    expect(isPostcodePrefix('lyon 69')).toBe(false);
  });
});
