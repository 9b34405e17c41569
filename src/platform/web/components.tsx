import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from './web-security';

/** Every form that changes something carries its CSRF token (checked by WebSecurity.assertCsrf). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

export function Notice({
  kind,
  title,
  children,
}: {
  kind?: 'ok' | 'warn' | 'error';
  title?: string;
  children?: ComponentChildren;
}) {
  // role=alert for errors so a screen reader announces them after a submit (WCAG 4.1.3).
  return (
    <div class={`notice${kind ? ` ${kind}` : ''}`} role={kind === 'error' ? 'alert' : undefined}>
      {title ? (
        <p>
          <strong>{title}</strong>
        </p>
      ) : null}
      {children}
    </div>
  );
}

/**
 * A form the page refused (a `FormProblem`, or an employer page's error): the use case's French message and one line
 * per field, in an error Notice (role=alert); nothing when there is no problem.
 */
export function ProblemNotice({
  title,
  problem,
}: {
  title: string;
  problem?: { message: string; details?: string[] };
}) {
  if (!problem) return null;
  return (
    <Notice kind="error" title={title}>
      <p>{problem.message}</p>
      {problem.details?.length ? (
        <ul>
          {problem.details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}

/** A labelled control with its hint and error tied by aria-describedby (WCAG 1.3.1, 3.3.1, 3.3.2). */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * A wide table scrolls sideways on a phone: the scrolling region is focusable and named, so a keyboard user can
 * scroll it too (WCAG 2.1.1, axe "scrollable-region-focusable").
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
