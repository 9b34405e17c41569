/**
 * An SMS is at most this long, and so is its column (`sms_message.body`): 3 concatenated messages of 153 GSM
 * characters; longer ones get split further or dropped by gateways, and each part is paid for. Counted in characters
 * (code points), as PostgreSQL counts a varchar.
 */
export const SMS_MAX_LENGTH = 459;

/**
 * A piece of an SMS. Plain text may be shortened to fit the bound; `{ keep }` is never cut — the link a message exists
 * for, with the words that name it: a reminder still goes out when a long morning does not fit, and the person can
 * still open her agenda from it.
 */
export type SmsPart = string | { keep: string };

const ELLIPSIS = '…';
/** A cut inside a word moves back to the word's start when that loses less than this (« 10:3… » reads as a time). */
const WORD_BACKTRACK = 24;

/**
 * The text to send: the parts joined when they fit in `max` characters; otherwise the plain text is shortened from its
 * end (the last plain part first, then earlier ones: callers put the details last), the cut marked by a visible « … »,
 * the kept parts whole. Throws when the kept parts alone do not fit: a programming error, not a message to shorten.
 */
export function fitSms(body: string | readonly SmsPart[], max = SMS_MAX_LENGTH): string {
  const parts = (typeof body === 'string' ? [body] : body).map((p) =>
    typeof p === 'string' ? { chars: [...p], keep: false } : { chars: [...p.keep], keep: true },
  );
  const join = (ps: typeof parts) => ps.map((p) => p.chars.join('')).join('');
  const length = parts.reduce((n, p) => n + p.chars.length, 0);
  if (length <= max) return join(parts);
  const kept = parts.filter((p) => p.keep).reduce((n, p) => n + p.chars.length, 0);
  // Room for « … » and the space that may separate it from a kept part after it.
  if (kept + ELLIPSIS.length + 1 > max) throw new Error(`SMS: the parts to keep (${kept} characters) exceed ${max}`);
  /** Takes `excess` characters off the plain parts from the end; says where the text now stops and what follows it. */
  const shorten = (excess: number) => {
    const out = parts.map((p) => ({ ...p }));
    let cut = -1;
    for (let i = out.length - 1; i >= 0 && excess > 0; i--) {
      if (out[i].keep) continue;
      const taken = Math.min(excess, out[i].chars.length);
      out[i].chars = out[i].chars.slice(0, out[i].chars.length - taken);
      excess -= taken;
      cut = i;
    }
    const next = out.slice(cut + 1).find((p) => p.chars.length > 0);
    return { out, cut, spaced: next !== undefined && !/^\s/.test(next.chars[0]) };
  };
  let cut = shorten(length - max + ELLIPSIS.length);
  // A kept part right after the cut wants a space after « … »: one character more to take.
  if (cut.spaced) cut = shorten(length - max + ELLIPSIS.length + 1);
  const stub = cut.out[cut.cut];
  let text = stub.chars.join('');
  const wordStart = text.search(/\s\S*$/);
  if (wordStart >= 0 && text.length - wordStart <= WORD_BACKTRACK) text = text.slice(0, wordStart);
  // No dangling separator before the mark (« table 2 ; … »).
  text = text.replace(/[\s,;:.—–-]+$/u, '');
  stub.chars = [...text, ...ELLIPSIS, ...(cut.spaced ? [' '] : [])];
  return join(cut.out);
}
