/**
 * Skills are free labels on both sides (a CIP writes « Conduite d'engins », an employer « conduite des engins »), so
 * they are compared on a key: lower case, no accents or ligatures, punctuation as spaces, and the French articles and
 * prepositions that vary between writers dropped. No stemming: « soudure » and « souder » stay different skills, which
 * is safer than wrongly merging two trades. The query service can store this key to pre-filter in SQL.
 */
const FILLERS = new Set(['l', 'la', 'le', 'les', 'd', 'de', 'du', 'des', 'un', 'une', 'et', 'en', 'a', 'au', 'aux']);

// Labels repeat across thousands of profiles (the same few hundred skills): memoised, bounded so memory stays flat.
const MEMO = new Map<string, string>();
const MEMO_LIMIT = 50_000;

export function skillKey(label: string): string {
  let key = MEMO.get(label);
  if (key === undefined) {
    if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
    key = computeKey(label);
    MEMO.set(label, key);
  }
  return key;
}

function computeKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !FILLERS.has(w))
    .join(' ');
}
