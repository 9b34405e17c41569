import { fitSms, SMS_MAX_LENGTH } from './sms-body';

const link = 'Votre agenda : https://maillage.example/lien/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';
const morning = Array.from({ length: 12 }, (_, i) => `09:${String(i).padStart(2, '0')} : Entreprise ${i}, table ${i}`);

describe('fitSms: one bound for every SMS, the link never cut', () => {
  it('leaves a text that fits as it is', () => {
    expect(fitSms(['Rappel. ', { keep: link }])).toBe(`Rappel. ${link}`);
    expect(fitSms('x'.repeat(SMS_MAX_LENGTH))).toBe('x'.repeat(SMS_MAX_LENGTH));
  });

  it('cuts the details before a link at the end, marks the cut and keeps the link whole', () => {
    const body = fitSms([`Rappel demain : Salon. ${morning.join(' ; ').repeat(3)}. `, { keep: link }]);
    expect([...body].length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(body.endsWith(`… ${link}`)).toBe(true);
    expect(body.startsWith('Rappel demain : Salon. 09:00 : Entreprise 0, table 0 ;')).toBe(true);
    // cut between words, no separator dangling before the mark
    expect(body).not.toMatch(/[;,:] ?… /);
  });

  it('cuts the details after a link at the start, the head and the link whole', () => {
    const body = fitSms(['Salon (12 mars) : votre planning est prêt. ', { keep: link }, ` — ${morning.join(' ; ')}`]);
    expect([...body].length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(body.startsWith(`Salon (12 mars) : votre planning est prêt. ${link} — 09:00`)).toBe(true);
    expect(body.endsWith('…')).toBe(true);
  });

  it('cuts the head too when the details are gone, still keeping the link', () => {
    const body = fitSms([`${'Très long titre '.repeat(40)}. `, { keep: link }, ' — détails'], 200);
    expect([...body].length).toBeLessThanOrEqual(200);
    expect(body.endsWith(`… ${link}`)).toBe(true);
  });

  it('counts characters as PostgreSQL does, never splitting one', () => {
    const body = fitSms(`${'🙂'.repeat(SMS_MAX_LENGTH + 10)}`);
    expect([...body].length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(body.endsWith('🙂…')).toBe(true);
  });

  it('refuses a link longer than an SMS (a programming error, not a text to shorten)', () => {
    expect(() => fitSms(['Rappel ', { keep: 'x'.repeat(SMS_MAX_LENGTH) }])).toThrow(/exceed/);
  });
});

describe('fitSms at the exact bound', () => {
  it('fills the bound when nothing follows the cut', () => {
    const body = fitSms('x'.repeat(600));
    expect([[...body].length, body.at(-1)]).toEqual([SMS_MAX_LENGTH, '…']);
  });

  it('never passes the bound, wherever the cut falls before a kept part', () => {
    for (let head = 0; head < 60; head++)
      for (let tail = 0; tail < 60; tail += 7) {
        const body = fitSms(['h'.repeat(head), 'd'.repeat(tail), { keep: 'K'.repeat(40) }, 'e'.repeat(tail)], 50);
        expect([head, tail, [...body].length <= 50, body.includes('K'.repeat(40))]).toEqual([head, tail, true, true]);
      }
  });
});
