import { h, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { ProblemNotice } from './components';

const html = (problem?: { message: string; details?: string[] }) =>
  render(h(ProblemNotice, { title: 'Action refusée', problem }) as VNode);

describe('ProblemNotice: the refusal every page form shows', () => {
  it('is an alert with the title, the French message and one line per field', () => {
    expect(
      html({ message: 'Il ne reste que 2 places.', details: ['Places : doit être au plus 2', 'Décision : <x>'] }),
    ).toBe(
      '<div class="notice error" role="alert"><p><strong>Action refusée</strong></p><p>Il ne reste que 2 places.</p>' +
        '<ul><li>Places : doit être au plus 2</li><li>Décision : &lt;x></li></ul></div>',
    );
  });

  it('has no list without field lines, and is nothing at all without a problem', () => {
    const alone = '<div class="notice error" role="alert"><p><strong>Action refusée</strong></p><p>Refusé.</p></div>';
    expect(html({ message: 'Refusé.', details: [] })).toBe(alone);
    expect(html({ message: 'Refusé.' })).toBe(alone);
    expect(html(undefined)).toBe('');
  });
});
