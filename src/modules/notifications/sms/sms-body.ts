import {
  SMS_SEGMENT_ROOM,
  smsEncoding,
  type SmsEncoding,
  smsSegments,
  smsUnits,
  transliterateSms,
} from './sms-encoding';

/**
 * An SMS is at most 3 segments (longer ones get split further or dropped by gateways, and each segment is paid for):
 * 3 × 153 = 459 septets in GSM-7, 3 × 67 = 201 code units in UCS-2 (`sms-encoding.ts`).
 */
export const SMS_MAX_SEGMENTS = 3;

/**
 * The length of the `sms_message.body` column, in characters (code points, as PostgreSQL counts a varchar): a body of
 * 3 segments never has more, since every character is at least one septet in GSM-7 (459 septets) and at least one code
 * unit in UCS-2 (201 units). The column stays a guard against a text written past `SmsService`, not the billing rule.
 */
export const SMS_MAX_LENGTH = SMS_MAX_SEGMENTS * SMS_SEGMENT_ROOM['GSM-7'].part;

/**
 * A piece of an SMS. Plain text may be shortened to fit the bound; `{ keep }` is never cut — the link a message exists
 * for, with the words that name it: a reminder still goes out when a long morning does not fit, and the person can
 * still open her agenda from it.
 */
export type SmsPart = string | { keep: string };

/** The text to store and send, its encoding and the segments it is billed. */
export interface ComposedSms {
  body: string;
  encoding: SmsEncoding;
  segments: number;
}

/**
 * Every SMS goes through here (`SmsService`): its parts spelt in GSM-7 where a faithful spelling exists (so that one
 * « ê » or « … » does not make the whole message UCS-2, 201 characters for 3 segments instead of 459), then fitted.
 */
export function composeSms(body: string | readonly SmsPart[]): ComposedSms {
  const parts = (typeof body === 'string' ? [body] : body).map((p) =>
    typeof p === 'string' ? transliterateSms(p) : { keep: transliterateSms(p.keep) },
  );
  const text = fitSms(parts);
  const encoding = smsEncoding(text);
  return { body: text, encoding, segments: smsSegments(text, encoding) };
}

/** The cut's mark: « ... » in GSM-7 (« … » is not GSM and would turn the message UCS-2), « … » in UCS-2 (one unit). */
const CUT_MARK: Record<SmsEncoding, string> = { 'GSM-7': '...', 'UCS-2': '…' };
/** A cut inside a word moves back to the word's start when that loses less than this (« 10:3… » reads as a time). */
const WORD_BACKTRACK = 24;

/**
 * The text to send: the parts joined when they fit in `maxSegments` segments of the encoding they need; otherwise the
 * plain text is shortened from its end (the last plain part first, then earlier ones: callers put the details last),
 * the cut marked by a visible « ... » (« … » in UCS-2), the kept parts whole. Throws when the kept parts alone do not
 * fit: a programming error, not a message to shorten. The parts are taken as they are (`composeSms` transliterates).
 */
export function fitSms(body: string | readonly SmsPart[], maxSegments = SMS_MAX_SEGMENTS): string {
  const parts = (typeof body === 'string' ? [body] : body).map((p) =>
    typeof p === 'string' ? { chars: [...p], keep: false } : { chars: [...p.keep], keep: true },
  );
  const whole = parts.map((p) => p.chars.join('')).join('');
  // The encoding of the whole text: a cut that happens to drop the only non-GSM character does not refit in GSM-7
  // (the text would then grow back and might bring it back); the result is within the bound either way.
  const encoding = smsEncoding(whole);
  if (smsSegments(whole, encoding) <= maxSegments) return whole;
  const room = SMS_SEGMENT_ROOM[encoding];
  // A character never straddles two segments, so a segment may hold one unit less than its room: lower the budget
  // until the cut text really fits (at most one step per segment boundary).
  for (let budget = maxSegments === 1 ? room.single : maxSegments * room.part; ; budget--) {
    const text = cutTo(parts, budget, encoding);
    if (smsSegments(text, encoding) <= maxSegments) return text;
  }
}

/** The parts brought to `budget` units (septets or code units) of `encoding`, the cut marked. */
function cutTo(parts: ReadonlyArray<{ chars: string[]; keep: boolean }>, budget: number, encoding: SmsEncoding) {
  const units = (chars: readonly string[]) => chars.reduce((n, c) => n + smsUnits(c, encoding), 0);
  const join = (ps: typeof parts) => ps.map((p) => p.chars.join('')).join('');
  const mark = CUT_MARK[encoding];
  const length = parts.reduce((n, p) => n + units(p.chars), 0);
  if (length <= budget) return join(parts);
  const kept = parts.filter((p) => p.keep).reduce((n, p) => n + units(p.chars), 0);
  // Room for the mark and the space that may separate it from a kept part after it.
  if (kept + units([...mark]) + 1 > budget)
    throw new Error(`SMS: the parts to keep (${kept} units of ${encoding}) exceed ${budget}`);
  /** Takes at least `excess` units off the plain parts from the end; says where the text now stops and what follows. */
  const shorten = (excess: number) => {
    const out = parts.map((p) => ({ ...p }));
    let cut = -1;
    for (let i = out.length - 1; i >= 0 && excess > 0; i--) {
      if (out[i].keep) continue;
      let end = out[i].chars.length;
      while (end > 0 && excess > 0) excess -= smsUnits(out[i].chars[--end], encoding);
      out[i].chars = out[i].chars.slice(0, end);
      cut = i;
    }
    const next = out.slice(cut + 1).find((p) => p.chars.length > 0);
    return { out, cut, spaced: next !== undefined && !/^\s/.test(next.chars[0]) };
  };
  let cut = shorten(length - budget + units([...mark]));
  // A kept part right after the cut wants a space after the mark: one unit more to take.
  if (cut.spaced) cut = shorten(length - budget + units([...mark]) + 1);
  const stub = cut.out[cut.cut];
  let text = stub.chars.join('');
  const wordStart = text.search(/\s\S*$/);
  if (wordStart >= 0 && text.length - wordStart <= WORD_BACKTRACK) text = text.slice(0, wordStart);
  // No dangling separator before the mark (« table 2 ; ... »).
  text = text.replace(/[\s,;:.—–-]+$/u, '');
  stub.chars = [...text, ...mark, ...(cut.spaced ? [' '] : [])];
  return join(cut.out);
}
