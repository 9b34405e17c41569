import { createHash } from 'node:crypto';

/**
 * The one stylesheet of the pages. Mobile first (one column, then wider margins), system fonts, contrast ≥ 4.5:1 for
 * text (WCAG 2.1 AA 1.4.3) and ≥ 3:1 for borders and focus rings (1.4.11), a visible focus on every control (2.4.7),
 * targets of at least 44 px on touch screens.
 */
export const STYLESHEET = `
:root { --ink: #1b1b1f; --muted: #4a4a55; --paper: #ffffff; --soft: #f3f4f8; --line: #767683;
  --brand: #1d3f8f; --brand-ink: #ffffff; --ok: #13612e; --ok-soft: #e5f4ea; --warn: #8a3b00; --warn-soft: #fdf0e3;
  --error: #a8161b; --error-soft: #fde8e8; --focus: #c93d00; }
* { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif; line-height: 1.5;
  color: var(--ink); background: var(--paper); }
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--paper); padding: 0.5rem 0.75rem; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--brand); color: var(--brand-ink); padding: 0.75rem 1rem; }
.site-header a { color: var(--brand-ink); }
.site-header .brand { font-weight: 700; font-size: 1.125rem; text-decoration: none; }
.site-header .who { display: block; font-size: 0.9375rem; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
main.wide { max-width: 72rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.75rem; }
h3 { font-size: 1.0625rem; margin: 1rem 0 0.5rem; }
p, ul, ol { margin: 0 0 1rem; }
.muted { color: var(--muted); }
.notice { border-left: 4px solid var(--brand); background: var(--soft); padding: 0.75rem 1rem; margin: 0 0 1rem; }
.notice.ok { border-color: var(--ok); background: var(--ok-soft); }
.notice.warn { border-color: var(--warn); background: var(--warn-soft); }
.notice.error { border-color: var(--error); background: var(--error-soft); }
.notice > :last-child { margin-bottom: 0; }
form { margin: 0 0 1.5rem; }
form.inline { display: inline-block; margin: 0 0.5rem 0.5rem 0; }
fieldset { border: 1px solid var(--line); border-radius: 0.25rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.field { margin: 0 0 1rem; }
.field > label, .label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint { display: block; color: var(--muted); font-size: 0.9375rem; margin-bottom: 0.25rem; }
.field-error { display: block; color: var(--error); font-weight: 600; }
input[type=text], input[type=number], input[type=date], input[type=email], input[type=password], select, textarea {
  width: 100%; max-width: 32rem; font: inherit; padding: 0.5rem 0.625rem; min-height: 2.75rem; color: var(--ink);
  background: var(--paper); border: 1px solid var(--line); border-radius: 0.25rem; }
textarea { min-height: 6rem; }
.choice { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0 0 0.5rem; min-height: 2.75rem; }
.choice input { width: 1.25rem; height: 1.25rem; margin-top: 0.125rem; flex: none; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; }
.button, button { font: inherit; font-weight: 600; min-height: 2.75rem; padding: 0.5rem 1rem; border-radius: 0.25rem;
  border: 2px solid var(--brand); background: var(--brand); color: var(--brand-ink); cursor: pointer;
  text-decoration: none; display: inline-flex; align-items: center; }
.button.secondary, button.secondary { background: var(--paper); color: var(--brand); }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.375rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
.cell-free { color: var(--ok); }
.cell-taken { color: var(--muted); }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 0.375rem; padding: 0.75rem 1rem; }
.card h3 { margin-top: 0; }
.steps { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9375rem; }
.steps [aria-current=step] { font-weight: 700; }
.site-footer { max-width: 48rem; margin: 2rem auto 0; padding: 1rem; color: var(--muted); font-size: 0.875rem;
  border-top: 1px solid var(--soft); }
@media (min-width: 48rem) {
  main { padding: 1.5rem 2rem; }
  h1 { font-size: 1.875rem; }
  .site-header { padding: 1rem 2rem; }
  .site-header .who { display: inline; margin-left: 1rem; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; transition: none !important; } }
`;

/** Content hash in the address: the stylesheet can be cached for a year and still change with a release. */
export const STYLESHEET_VERSION = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);
export const STYLESHEET_PATH = `/ressources/maillage.${STYLESHEET_VERSION}.css`;
