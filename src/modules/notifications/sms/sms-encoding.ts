/**
 * How an SMS is encoded and billed. A message is sent in GSM-7 (GSM 03.38) when every character is in the GSM basic
 * table or its extension table, in UCS-2 otherwise — one character outside GSM switches the whole message. A single
 * message holds 160 septets (GSM-7) or 70 UTF-16 code units (UCS-2); a concatenated one loses room to its header:
 * 153 septets or 67 code units per segment, and every segment is paid for.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';
export const smsEncodings: readonly SmsEncoding[] = ['GSM-7', 'UCS-2'];

export const SMS_SEGMENT_ROOM: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** GSM 03.38 basic table (0x1B, the escape to the extension table, left out): one septet each. */
const GSM_BASIC = new Set([
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?',
  ...'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
]);
/** GSM 03.38 extension table: escape + character, two septets each. */
const GSM_EXTENSION = new Set([...'\f^{}\\[~]|€']);

/**
 * Faithful GSM-7 spellings of the characters French texts bring that GSM lacks: typography (« … », dashes, curly
 * quotes, the median dot of inclusive writing, non-breaking spaces) and the accented letters outside the GSM table.
 * The GSM letters (é è ù ì ò à Ç É Ä Ö Ñ Ü ä ö ñ ü å Å Ø ø Æ æ ß) stay as they are. A character with no faithful
 * spelling (another script, an emoji) is left alone: the message then goes in UCS-2 rather than lose a name.
 */
const TRANSLITERATION: Record<string, string> = {
  '…': '...',
  '—': '-',
  '–': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '’': "'",
  '‘': "'",
  '‚': "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '„': '"',
  '·': '.',
  '\u00a0': ' ', // non-breaking space (before « ; : ! ? » in French typography)
  '\u202f': ' ', // narrow non-breaking space
  '\u2009': ' ', // thin space
  '\t': ' ',
  â: 'a',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  ô: 'o',
  û: 'u',
  ÿ: 'y',
  ç: 'c', // Ç is in the GSM table, ç is not
  œ: 'oe',
  À: 'A',
  Â: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Ù: 'U',
  Û: 'U',
  Ÿ: 'Y',
  Œ: 'OE',
};

/**
 * The text in GSM-7 wherever the table above has a spelling; NFC first, so that a letter typed as « e + ◌́ » counts as
 * the GSM « é ».
 */
export function transliterateSms(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) out += TRANSLITERATION[c] ?? c;
  return out;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const c of text) if (!GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)) return 'UCS-2';
  return 'GSM-7';
}

/** What one character (code point) costs: septets in GSM-7, UTF-16 code units in UCS-2. */
export function smsUnits(c: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return c.length;
  return GSM_EXTENSION.has(c) ? 2 : 1;
}

/**
 * Segments billed for `text` sent in `encoding`. Past one message, segments are filled in order and a character is
 * never split across two of them (an escape + character pair, a surrogate pair), so a segment may hold one unit less.
 */
export function smsSegments(text: string, encoding: SmsEncoding = smsEncoding(text)): number {
  const room = SMS_SEGMENT_ROOM[encoding];
  const chars = [...text];
  if (chars.reduce((n, c) => n + smsUnits(c, encoding), 0) <= room.single) return 1;
  let segments = 1;
  let used = 0;
  for (const c of chars) {
    const units = smsUnits(c, encoding);
    if (used + units > room.part) {
      segments++;
      used = 0;
    }
    used += units;
  }
  return segments;
}
