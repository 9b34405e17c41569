import { demoteNeverAnswering, neverAnswersReason } from './company-responsiveness';

const c = (id: string) => ({ row: { pooledCompanyId: id } });

describe('companies that never answer, in the pooled companies list', () => {
  it('go after the companies that answer, each group in its score order', () => {
    const ranked = [c('A'), c('B'), c('C'), c('D')];
    const out = demoteNeverAnswering(
      ranked,
      new Map([
        ['A', 3],
        ['C', 2],
      ]),
    );
    expect(out.map((x) => x.row.pooledCompanyId)).toEqual(['B', 'D', 'A', 'C']);
  });

  it('leave the order untouched when every company answers', () => {
    const ranked = [c('A'), c('B')];
    expect(demoteNeverAnswering(ranked, new Map()).map((x) => x.row.pooledCompanyId)).toEqual(['A', 'B']);
  });

  it('say why in French, with the number of proposals left unanswered', () => {
    expect(neverAnswersReason(3)).toBe(
      'Classée plus bas : cette entreprise n’a répondu à aucune des 3 propositions de candidature qui lui ont été faites.',
    );
  });
});
