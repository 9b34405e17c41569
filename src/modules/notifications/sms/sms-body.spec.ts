import { composeSms, fitSms, SMS_MAX_LENGTH, SMS_MAX_SEGMENTS } from './sms-body';
import { smsEncoding, smsSegments, smsUnits, transliterateSms } from './sms-encoding';

const link = 'Votre agenda : https://maillage.example/lien/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';
const morning = Array.from({ length: 12 }, (_, i) => `09:${String(i).padStart(2, '0')} : Entreprise ${i}, table ${i}`);
const septets = (s: string) => [...s].reduce((n, c) => n + smsUnits(c, 'GSM-7'), 0);

describe('transliterateSms: GSM-7 wherever a faithful spelling exists', () => {
  it('spells French typography and the accented letters GSM lacks', () => {
    expect(
      transliterateSms('Forêt — « Réunion » · l’accueil… 9\u00a0h\u202f: maïs, ça, cœur, Noël, âge, île, hôtel, sûr'),
    ).toBe('Foret - " Réunion " . l\'accueil... 9 h : mais, ca, coeur, Noel, age, ile, hotel, sur');
    expect(transliterateSms('ÎLE – ŒUVRE ‘x’ “y”')).toBe('ILE - OEUVRE \'x\' "y"');
  });

  it('keeps the letters of the GSM table, composed or typed as letter + accent', () => {
    const gsm = 'é è ù ì ò à Ç É Ä Ö Ñ Ü ä ö ñ ü å Å Ø ø Æ æ ß € [ ] { } ^ ~ \\ |';
    expect(transliterateSms(gsm)).toBe(gsm);
    expect(transliterateSms('e\u0301te\u0301')).toBe('été');
    expect(smsEncoding(transliterateSms('Salon de l’emploi — Évry, Forêt, Françoise, œuvre…'))).toBe('GSM-7');
  });

  it('leaves what has no faithful spelling, which then needs UCS-2', () => {
    expect(transliterateSms('Entretien avec 李小龙 🙂')).toBe('Entretien avec 李小龙 🙂');
    expect(smsEncoding('Entretien avec 李小龙')).toBe('UCS-2');
  });
});

describe('smsSegments: what a message is billed', () => {
  it('GSM-7: 160 septets in one message, 153 per segment past it, extension characters 2 septets', () => {
    expect([160, 161, 306, 307, 459, 460].map((n) => smsSegments('x'.repeat(n)))).toEqual([1, 2, 2, 3, 3, 4]);
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('€'.repeat(81))).toBe(2);
    // an escape pair never straddles two segments: 152 septets then « € » opens the second one
    expect(smsSegments(`${'x'.repeat(152)}€${'x'.repeat(152)}`)).toBe(3);
  });

  it('UCS-2: 70 code units in one message, 67 per segment past it, a surrogate pair never split', () => {
    expect([70, 71, 134, 135, 201, 202].map((n) => smsSegments('ж'.repeat(n)))).toEqual([1, 2, 2, 3, 3, 4]);
    expect(smsSegments('🙂'.repeat(35))).toBe(1);
    expect(smsSegments('🙂'.repeat(99))).toBe(3); // 33 per segment: 66 units, the 67th would split a pair
    expect(smsSegments('🙂'.repeat(100))).toBe(4);
  });

  it('one character outside GSM makes the whole message UCS-2', () => {
    expect(smsSegments('x'.repeat(458) + '…')).toBe(7);
    expect(smsSegments('x'.repeat(458) + '...')).toBe(4);
  });
});

describe('composeSms: every SMS within 3 segments of the encoding it needs', () => {
  it('a French reminder cut at the bound stays GSM-7: 3 segments, not 7', () => {
    const sms = composeSms([
      `Rappel demain (jeudi 12 mars) : Forêt — ${morning.join(' ; ').repeat(3)}. `,
      { keep: link },
    ]);
    expect(sms).toMatchObject({ encoding: 'GSM-7', segments: 3 });
    // cut between words: a few septets short of the bound, never past it
    expect(septets(sms.body)).toBeGreaterThan(SMS_MAX_LENGTH - 24);
    expect(septets(sms.body)).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(sms.body.startsWith('Rappel demain (jeudi 12 mars) : Foret - 09:00')).toBe(true);
    expect(sms.body.endsWith(`... ${link}`)).toBe(true);
  });

  it('a name in another script: UCS-2, cut at 201 code units, the link whole, « … » as the mark', () => {
    const sms = composeSms([`Rappel : entretien avec 李小龙 — ${morning.join(' ; ')}. `, { keep: link }]);
    expect(sms).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(sms.body.length).toBeLessThanOrEqual(201);
    expect(sms.body.startsWith('Rappel : entretien avec 李小龙 - 09:00')).toBe(true);
    expect(sms.body.endsWith(`… ${link}`)).toBe(true);
  });

  it('a short text: as it is, transliterated, one segment', () => {
    expect(composeSms('Rappel : votre entretien demain à 9 h 00.')).toEqual({
      body: 'Rappel : votre entretien demain à 9 h 00.',
      encoding: 'GSM-7',
      segments: 1,
    });
    expect(composeSms(['Salon : votre planning est prêt. ', { keep: link }]).body).toBe(
      `Salon : votre planning est pret. ${link}`,
    );
  });

  it('extension characters count 2 septets: a text of 459 characters with some of them is cut', () => {
    const sms = composeSms(`${'[ok] '.repeat(100)}`);
    expect(smsSegments(sms.body)).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
    expect(septets(sms.body)).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(sms.body.endsWith('[ok]...')).toBe(true);
  });
});

describe('fitSms: the link never cut', () => {
  it('leaves a text that fits as it is', () => {
    expect(fitSms(['Rappel. ', { keep: link }])).toBe(`Rappel. ${link}`);
    expect(fitSms('x'.repeat(SMS_MAX_LENGTH))).toBe('x'.repeat(SMS_MAX_LENGTH));
  });

  it('cuts the details before a link at the end, marks the cut and keeps the link whole', () => {
    const body = fitSms([`Rappel demain : Salon. ${morning.join(' ; ').repeat(3)}. `, { keep: link }]);
    expect(septets(body)).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(body.endsWith(`... ${link}`)).toBe(true);
    expect(body.startsWith('Rappel demain : Salon. 09:00 : Entreprise 0, table 0 ;')).toBe(true);
    // cut between words, no separator dangling before the mark
    expect(body).not.toMatch(/[;,:] ?\.\.\. /);
  });

  it('cuts the details after a link at the start, the head and the link whole', () => {
    const body = fitSms(['Salon (12 mars) : votre planning est pret. ', { keep: link }, ` - ${morning.join(' ; ')}`]);
    expect(smsSegments(body)).toBe(3);
    expect(body.startsWith(`Salon (12 mars) : votre planning est pret. ${link} - 09:00`)).toBe(true);
    expect(body.endsWith('...')).toBe(true);
  });

  it('cuts the head too when the details are gone, still keeping the link', () => {
    const body = fitSms([`${'Tres long titre '.repeat(40)}. `, { keep: link }, ' - details'], 1);
    expect(septets(body)).toBeLessThanOrEqual(160);
    expect(body.endsWith(`... ${link}`)).toBe(true);
  });

  it('never splits a character (UCS-2 surrogate pairs)', () => {
    const body = fitSms(`${'🙂'.repeat(SMS_MAX_LENGTH + 10)}`);
    expect(smsSegments(body)).toBe(3);
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(body).toBe(`${'🙂'.repeat(99)}…`);
  });

  it('refuses a link longer than an SMS (a programming error, not a text to shorten)', () => {
    expect(() => fitSms(['Rappel ', { keep: 'x'.repeat(SMS_MAX_LENGTH) }])).toThrow(/exceed/);
  });
});

describe('fitSms at the exact bound', () => {
  it('fills the bound when nothing follows the cut', () => {
    expect(fitSms('x'.repeat(600))).toBe(`${'x'.repeat(456)}...`);
    expect(fitSms('ж'.repeat(600))).toBe(`${'ж'.repeat(200)}…`);
  });

  it('never passes 3 segments, wherever the cut falls and whatever extension characters straddle a boundary', () => {
    for (let head = 100; head < 200; head += 3)
      for (let tail = 0; tail < 200; tail += 19)
        for (const filler of ['d', '€', 'd€']) {
          const body = fitSms(['h'.repeat(head), filler.repeat(tail), { keep: 'K'.repeat(140) }, 'e'.repeat(tail)]);
          expect([head, tail, filler, smsSegments(body) <= 3, body.includes('K'.repeat(140))]).toEqual([
            head,
            tail,
            filler,
            true,
            true,
          ]);
        }
  });

  it('never passes one message, wherever the cut falls before a kept part', () => {
    for (let head = 0; head < 100; head++)
      for (let tail = 0; tail < 100; tail += 7) {
        const body = fitSms(['h'.repeat(head), 'd'.repeat(tail), { keep: 'K'.repeat(140) }, 'e'.repeat(tail)], 1);
        expect([head, tail, septets(body) <= 160, body.includes('K'.repeat(140))]).toEqual([head, tail, true, true]);
      }
  });
});
