import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import {
  findForbiddenCharacters,
  normaliseTexts,
  rulesOf,
  TEXT_RULES,
  type FieldRule,
  type TextProblem,
} from '../input/text-rules';
import { AppError, commonErrors } from './app-error';

export interface FieldProblem {
  field: string;
  /** One sentence per field: the rule that failed, with its bound ("doit être un entier entre 1 et 100"). */
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
  isDefined: 'champ requis',
  isNotEmpty: 'ne doit pas être vide',
  isString: 'doit être une chaîne de caractères',
  isBoolean: 'doit être vrai ou faux',
  isEmail: 'doit être une adresse e-mail valide',
  isUuid: 'doit être un identifiant (UUID) valide',
  isEnum: 'doit être une des valeurs autorisées',
  isIn: 'doit être une des valeurs autorisées',
  isArray: 'doit être une liste',
  isDateString: 'doit être une date ISO 8601',
  isISO8601: 'doit être une date ISO 8601',
  isObject: 'doit être un objet',
  matches: "n'a pas le format attendu",
  isUrl: 'doit être une URL valide',
  arrayUnique: 'ne doit pas contenir deux fois la même valeur',
  nestedValidation: 'doit être un objet valide',
};

/** The order in which a field's failed rules are told, when none of the families below applies. */
const PRIORITY = [
  'isDefined',
  'isString',
  'isBoolean',
  'isArray',
  'isObject',
  'isIn',
  'isEnum',
  'isUuid',
  'isEmail',
  'isISO8601',
  'isDateString',
  'isUrl',
  'matches',
];

const NUMBER_RULES = new Set(['isInt', 'isNumber', 'min', 'max', 'isPositive', 'isNegative']);
const LENGTH_RULES = new Set(['isLength', 'minLength', 'maxLength']);
const ARRAY_SIZE_RULES = new Set(['arrayMinSize', 'arrayMaxSize']);

/** Messages written in a DTO are French; class-validator's own defaults all contain "must"/"should". */
function isDefaultMessage(message: string): boolean {
  return /\b(must|should)\b/.test(message);
}

export function translate(rule: string, message: string): string {
  if (!isDefaultMessage(message) && rule !== 'whitelistValidation') return message;
  return french[rule] ?? "n'est pas valide";
}

const num = (n: unknown): string => String(n).replace('.', ',');

function bound(rules: FieldRule[], name: string, index = 0): number | undefined {
  const rule = rules.find((r) => r.name === name);
  const value = rule?.constraints?.[index] as unknown;
  return typeof value === 'number' ? value : undefined;
}

/** "un entier entre 1 et 100", "un nombre supérieur ou égal à 0", from the field's own rules. */
function numberSentence(rules: FieldRule[], each: boolean): string {
  const integer = rules.some((r) => r.name === 'isInt');
  const what = each ? (integer ? 'des entiers' : 'des nombres') : integer ? 'un entier' : 'un nombre';
  const min = bound(rules, 'min');
  const max = bound(rules, 'max');
  const start = each ? 'doit contenir' : 'doit être';
  if (min !== undefined && max !== undefined) return `${start} ${what} entre ${num(min)} et ${num(max)}`;
  if (min !== undefined) return `${start} ${what} supérieur${each ? 's' : ''} ou égal${each ? 's' : ''} à ${num(min)}`;
  if (max !== undefined) return `${start} ${what} inférieur${each ? 's' : ''} ou égal${each ? 's' : ''} à ${num(max)}`;
  return `${start} ${what}`;
}

function lengthRange(rules: FieldRule[]): string | undefined {
  const min = bound(rules, 'isLength', 0) ?? bound(rules, 'minLength');
  const max = bound(rules, 'isLength', 1) ?? bound(rules, 'maxLength');
  if (min !== undefined && min > 1 && max !== undefined) return `entre ${min} et ${max} caractères`;
  if (max !== undefined) return `au plus ${max} caractères`;
  if (min !== undefined) return `au moins ${min} caractères`;
  return undefined;
}

function arraySizeSentence(rules: FieldRule[]): string {
  const min = bound(rules, 'arrayMinSize');
  const max = bound(rules, 'arrayMaxSize');
  const items = (n: number) => `${n} élément${n > 1 ? 's' : ''}`;
  if (min !== undefined && max !== undefined) return `doit contenir entre ${items(min)} et ${items(max)}`;
  if (max !== undefined) return `doit contenir au plus ${items(max)}`;
  return `doit contenir au moins ${items(min ?? 1)}`;
}

/**
 * One message per field (class-validator reports every rule a value breaks: "est trop grand, est trop petit, doit être
 * un nombre entier" for `limit=abc`). The message says the rule with its bounds, read from the field's own rules.
 */
export function messageFor(error: ValidationError): string {
  const failed = Object.entries(error.constraints ?? {});
  const has = (name: string) => failed.some(([rule]) => rule === name);
  if (has('whitelistValidation')) return french.whitelistValidation;
  const text = failed.find(([rule]) => TEXT_RULES.includes(rule));
  if (text) return text[1];
  const owner = error.target as object | undefined;
  const rules = owner ? (rulesOf(owner.constructor).get(error.property) ?? []) : [];
  if (error.value === undefined || error.value === null) {
    const defined = failed.find(([rule, message]) => rule === 'isDefined' && !isDefaultMessage(message));
    return defined ? defined[1] : 'champ requis';
  }
  if (failed.some(([rule]) => NUMBER_RULES.has(rule)))
    return numberSentence(
      rules,
      rules.some((r) => NUMBER_RULES.has(r.name ?? '') && r.each),
    );
  if (failed.some(([rule]) => LENGTH_RULES.has(rule)) || has('isString')) {
    const range = lengthRange(rules);
    if (!range) return french.isString;
    return typeof error.value === 'string' ? `doit contenir ${range}` : `doit être un texte (${range})`;
  }
  if (failed.some(([rule]) => ARRAY_SIZE_RULES.has(rule)) && !has('isArray')) return arraySizeSentence(rules);
  const custom = failed.find(([, message]) => !isDefaultMessage(message));
  if (custom) return custom[1];
  const [rule, message] =
    PRIORITY.map((name) => failed.find(([r]) => r === name)).find((f) => f !== undefined) ?? failed[0];
  return translate(rule, message);
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const codes = new Set(
      Object.keys(error.constraints ?? {}).map((rule) => (error.contexts?.[rule] as ProblemContext | undefined)?.code),
    );
    const code = codes.size === 1 ? [...codes][0] : undefined;
    const own =
      error.constraints && Object.keys(error.constraints).length > 0
        ? [{ field, problems: [messageFor(error)], ...(code ? { code } : {}) }]
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

export function invalidCharacterError(problems: TextProblem[]): AppError {
  return commonErrors.invalidCharacter(problems.map((p) => ({ field: p.path.join('.'), problems: [p.message] })));
}

/**
 * Text problems found on the DTO instance take the place of what class-validator says of the same field (a blank
 * name is "champ requis", not "doit contenir entre 1 et 100 caractères").
 */
function mergeTextProblems(errors: ValidationError[], problems: TextProblem[], target: object): ValidationError[] {
  for (const problem of problems) {
    let level = errors;
    let owner: unknown = target;
    let node: ValidationError | undefined;
    for (const key of problem.path) {
      node = level.find((e) => e.property === key);
      if (!node) {
        node = { property: key, target: owner as object, children: [] };
        level.push(node);
      }
      owner = (owner as Record<string, unknown> | undefined)?.[key];
      node.children ??= [];
      level = node.children;
    }
    if (node) node.constraints = { [problem.rule]: problem.message };
  }
  return errors;
}

/**
 * The global pipe: the platform's text rules (text-rules.ts), then class-validator, then one French message per field.
 * Unknown fields are rejected (not silently dropped) so that a typo in a client is seen at once.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      // target and value stay inside the pipe: messageFor reads them to state the rule; the answer never carries them
      validationError: { target: true, value: true },
      exceptionFactory: (errors) => validationError(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const base = metadata.type === 'body' || !metadata.data ? [] : [metadata.data];
      const forbidden = findForbiddenCharacters(value, base);
      if (forbidden.length > 0) throw invalidCharacterError(forbidden);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    options?: Parameters<ValidationPipe['validate']>[1],
  ): Promise<ValidationError[]> {
    const problems = normaliseTexts(object);
    const errors = (await super.validate(object, options)) as ValidationError[];
    return mergeTextProblems(errors, problems, object);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe();
}
