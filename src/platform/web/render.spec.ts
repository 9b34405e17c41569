import { h, VNode } from 'preact';
import { Field } from './components';
import { Layout } from './layout';
import { renderHtml } from './render';

describe('page rendering escapes by default', () => {
  it('escapes text children and attribute values, including in the shared layout', () => {
    const hostile = `<script>alert(1)</script>"' onload="x`;
    const input = h('input', { id: 'f', name: 'f', value: hostile });
    const field = h(Field, { id: 'f', label: hostile, hint: hostile, children: input });
    const html = renderHtml(h(Layout, { title: hostile, who: hostile, children: field }) as VNode);
    expect(html.startsWith('<!doctype html><html lang="fr">')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('" onload="x');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('value="&lt;script>alert(1)&lt;/script>&quot;\' onload=&quot;x"');
  });
});
