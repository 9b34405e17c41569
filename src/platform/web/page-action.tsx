import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import type { Type } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { createValidationPipe } from '../errors/validation';
import type { FieldProblem } from '../errors/validation';
import { CsrfField } from './components';
import { Layout } from './layout';
import type { StaffSession } from './staff-session';
import type { WebSecurity } from './web-security';

/** A refusal a page shows beside its form, in French, with one line per field. */
export interface FormProblem {
  status: number;
  message: string;
  details: string[];
}

/**
 * The errors a user can act on from the form (4xx of the use case: a rule, a conflict, a validation). Link, session
 * and CSRF errors are not: they go to the error page (PageExceptionFilter), as does anything ≥ 500.
 */
export function formProblem(error: unknown, labels: Record<string, string> = {}): FormProblem | undefined {
  if (!(error instanceof AppError) || error.status >= 500) return undefined;
  if (/^(EMPLOYER_LINK|EMPLOYER_SESSION|CSRF)/.test(error.code)) return undefined;
  const problems = Array.isArray(error.details) ? (error.details as FieldProblem[]) : [];
  const details = problems
    .filter((p) => p && typeof p.field === 'string' && Array.isArray(p.problems))
    .map((p) => `${labels[p.field.split(/[.[]/)[0]] ?? p.field} : ${p.problems.join(', ')}`);
  return { status: error.status, message: error.message, details };
}

export interface PageActionSteps<T> {
  /** The use case, validation included. */
  run: () => Promise<T>;
  /** After success: a 303 to the page that shows the result (post/redirect/get), or a page. */
  done: (result: T) => unknown;
  /** After a refusal the user can act on: the form again, with the problem, at the problem's status. */
  refused: (problem: FormProblem) => unknown;
  /** French names of the fields, for the problems' lines. */
  labels?: Record<string, string>;
}

/**
 * One POST of a page, the same way everywhere: CSRF checked (again, for routes whose guard already did: it is cheap and
 * stateless), the use case run, then the result page or the form again with what was refused. Anything else (session,
 * link, CSRF, a bug) propagates to the page error filter.
 */
export async function pageAction<T>(web: WebSecurity, req: Request, steps: PageActionSteps<T>): Promise<void> {
  web.assertCsrf(req);
  let result: T;
  try {
    result = await steps.run();
  } catch (error) {
    const problem = formProblem(error, steps.labels);
    if (!problem) throw error;
    await steps.refused(problem);
    return;
  }
  await steps.done(result);
}

export interface StaffPageActionSteps<T> {
  /** The staff page the form belongs to: after a login (session ended while the form was open), she comes back here. */
  page: string;
  /** The use case, validation included, with the page session's principal (same access rules as the API). */
  run: (principal: Principal) => Promise<T>;
  done: (result: T) => unknown;
  /** The page again with the problem, rendered for the signed-in staff member. */
  refused: (problem: FormProblem, principal: Principal) => unknown;
  labels?: Record<string, string>;
}

/**
 * One POST of a staff page (/equipe/…): CSRF first (403 before the session is even read), then the page session (a 303
 * to the login without one), then `pageAction` with the signed-in principal.
 */
export async function staffPageAction<T>(
  staff: StaffSession,
  web: WebSecurity,
  req: Request,
  res: Response,
  steps: StaffPageActionSteps<T>,
): Promise<void> {
  web.assertCsrf(req);
  const principal = await staff.signedIn(req, res, steps.page);
  if (!principal) return;
  await pageAction(web, req, {
    labels: steps.labels,
    run: () => steps.run(principal),
    done: steps.done,
    refused: (problem) => steps.refused(problem, principal),
  });
}

const formValidation = createValidationPipe();

/**
 * A form's values as the API's DTO, checked by the same validation as the JSON API (unknown fields refused, French
 * problems per field): a refusal is an AppError that pageAction shows beside the form.
 */
export async function formDto<T extends object>(metatype: Type<T>, values: object): Promise<T> {
  return (await formValidation.transform(values, { type: 'body', metatype })) as T;
}

/** The posted form's fields (urlencoded body), never undefined. */
export function formBody(req: Request): Record<string, unknown> {
  return (req.body ?? {}) as Record<string, unknown>;
}

/** The field a confirmation page adds: a destructive action runs only with it. */
export const CONFIRMATION_FIELD = 'confirmation';

export function confirmed(body: Record<string, unknown>): boolean {
  return body[CONFIRMATION_FIELD] === 'oui';
}

/**
 * The confirmation step of a destructive action, without JavaScript: the first POST answers this page, which posts the
 * same fields again with `confirmation=oui`; "Annuler" goes back without changing anything.
 */
export function ConfirmPage({
  title,
  question,
  consequence,
  action,
  fields,
  csrf,
  confirmLabel,
  cancelHref,
  who,
}: {
  title: string;
  question: string;
  consequence?: string;
  action: string;
  fields: Record<string, string>;
  csrf: string;
  confirmLabel: string;
  cancelHref: string;
  who?: string;
}) {
  return (
    <Layout title={title} who={who}>
      <h1>{title}</h1>
      <p>{question}</p>
      {consequence ? <p>{consequence}</p> : null}
      <form method="post" action={action}>
        <CsrfField token={csrf} />
        {Object.entries(fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRMATION_FIELD} value="oui" />
        <div class="actions">
          <button type="submit">{confirmLabel}</button>
          <a class="button secondary" href={cancelHref}>
            Annuler
          </a>
        </div>
      </form>
    </Layout>
  );
}
