import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, commonErrors } from './app-error';

export interface FieldProblem {
  field: string;
  problems: string[];
  /** Present when the failed rule carries its own error code (e.g. `SIRET_INVALID`). */
  code?: string;
}

/**
 * A validation rule can carry its own stable code: `@IsX({ context: { code: 'X_INVALID' } })`. When it is the only
 * problem of the request, the answer uses that code instead of the generic `VALIDATION_FAILED`.
 */
export interface ProblemContext {
  code?: string;
}

/** class-validator speaks English; users read French. DTOs with their own `message` keep it. */
const french: Record<string, string> = {
  whitelistValidation: 'champ inconnu',
  isDefined: 'obligatoire',
  isNotEmpty: 'ne doit pas être vide',
  isString: 'doit être une chaîne de caractères',
  isInt: 'doit être un nombre entier',
  isNumber: 'doit être un nombre',
  isBoolean: 'doit être vrai ou faux',
  isEmail: 'doit être une adresse e-mail valide',
  isUuid: 'doit être un identifiant (UUID) valide',
  isEnum: 'doit être une des valeurs autorisées',
  isIn: 'doit être une des valeurs autorisées',
  isArray: 'doit être une liste',
  isDateString: 'doit être une date ISO 8601',
  isISO8601: 'doit être une date ISO 8601',
  isObject: 'doit être un objet',
  min: 'est trop petit',
  max: 'est trop grand',
  minLength: 'est trop court',
  maxLength: 'est trop long',
  arrayMaxSize: 'contient trop d’éléments',
  arrayMinSize: 'ne contient pas assez d’éléments',
  matches: "n'a pas le format attendu",
  isUrl: 'doit être une URL valide',
  nestedValidation: 'doit être un objet valide',
};

export function translate(rule: string, message: string): string {
  // A message already in French (written in a DTO) is kept; class-validator defaults all contain "must"/"should".
  if (!/\b(must|should)\b/.test(message) && rule !== 'whitelistValidation') return message;
  return french[rule] ?? "n'est pas valide";
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const codes = new Set(
      Object.keys(error.constraints ?? {}).map((rule) => (error.contexts?.[rule] as ProblemContext | undefined)?.code),
    );
    const code = codes.size === 1 ? [...codes][0] : undefined;
    const own = error.constraints
      ? [
          {
            field,
            problems: Object.entries(error.constraints).map(([rule, message]) => translate(rule, message)),
            ...(code ? { code } : {}),
          },
        ]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function validationError(problems: FieldProblem[]) {
  const codes = new Set(problems.map((p) => p.code));
  const [code] = [...codes];
  if (problems.length === 1 && code) return new AppError(code, 400, problems[0].problems.join(' '), problems);
  return commonErrors.validation(problems);
}

/** Unknown fields are rejected (not silently dropped) so that a typo in a client is seen at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationError(flatten(errors)),
  });
}
