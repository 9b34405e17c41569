import type { IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Day number of a `YYYY-MM-DD` date (UTC, so no time zone or DST ever shifts a difference). */
export function dayNumber(date: IsoDate): number {
  let day = MEMO.get(date);
  if (day === undefined) {
    if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
    day = parseDay(date);
    MEMO.set(date, day);
  }
  return day;
}

// A ranking parses the same few hundred dates for every profile: memoised, bounded.
const MEMO = new Map<string, number>();
const MEMO_LIMIT = 20_000;

function parseDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== Number(m[3])) {
    throw new RangeError(`Date invalide pour le matching : « ${date} » (attendu AAAA-MM-JJ)`);
  }
  return Math.round(t / DAY_MS);
}

/** `12/03/2027`: how a French reader expects a date. */
export function frenchDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
