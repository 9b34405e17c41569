import { getMetadataStorage, ValidateBy } from 'class-validator';

/**
 * The text rules every string a client sends goes through, once, in the global validation pipe (see README.md beside
 * this file). Modules only mark the exceptions on their DTO fields: `@MultilineText()`, `@NameText()`, `@Untrimmed()`.
 */

/**
 * Refused in every string, at any depth, before any DTO is built: C0 controls but tab, line feed and carriage return
 * (NUL makes PostgreSQL fail the whole statement, the others are never typed), DEL and C1 controls, bidi embeddings,
 * overrides and isolates (they make "txt.exe" read "exe.txt": the "Trojan Source" trick), non-characters, and lone
 * surrogates (JSON can carry "\ud800"; the driver would silently store U+FFFD in its place).
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Line breaks and tabs: allowed only in fields marked `@MultilineText()`. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * Invisible characters refused in names (people, companies, structures, pseudonyms): zero-width space/joiners, bidi
 * marks, word joiner and invisible operators, BOM, soft hyphen, Arabic letter mark, Mongolian vowel separator. Two
 * names that look the same must be the same string: pooling and search compare names, people read them.
 */
const NAME_INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/;

export const textMessages = {
  forbidden: (char: string) => `contient un caractère interdit (${codePoint(char)}, ${describe(char)})`,
  blank: 'champ requis',
  blankItem: 'ne doit pas contenir de texte vide',
  lineBreak: 'doit tenir sur une ligne (ni retour à la ligne ni tabulation)',
  tooLong: (max: number) => `doit contenir au plus ${max} caractères`,
  invisibleInName: (char: string) =>
    `contient un caractère invisible interdit dans un nom (${codePoint(char)}, ${describe(char)})`,
};

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(char: string): string {
  const c = char.codePointAt(0)!;
  if (c >= 0xd800 && c <= 0xdfff) return 'moitié de caractère isolée';
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return 'caractère de contrôle';
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x61c)
    return 'contrôle du sens d’écriture';
  if (c === 0xfffe || c === 0xffff) return 'non-caractère';
  return 'caractère sans chasse';
}

/** The first character of `value` refused everywhere, if any. */
export function forbiddenCharacter(value: string): string | undefined {
  return FORBIDDEN.exec(value)?.[0];
}

/** The first invisible character refused in names (see NAME_INVISIBLE), if any: for texts read outside a DTO (CSV). */
export function invisibleInName(value: string): string | undefined {
  return NAME_INVISIBLE.exec(value)?.[0];
}

export interface TextProblem {
  /** Path as the validation details name it: `contacts.0.firstName`. */
  path: string[];
  rule: TextRule;
  message: string;
}

/** Names of the rules as they appear among a field's failed constraints. */
export type TextRule = 'textForbidden' | 'textBlank' | 'textLineBreak' | 'textInvisibleInName' | 'textTooLong';
export const TEXT_RULES: readonly string[] = [
  'textForbidden',
  'textBlank',
  'textLineBreak',
  'textInvisibleInName',
  'textTooLong',
];

/**
 * The length of a string field that declares none (`@MaxLength`, `@Length`): codes, dates, ids, patterns. Enforced
 * here and written into the OpenAPI document (openapi-string-bounds.ts), so that every string has a stated bound.
 */
export const DEFAULT_MAX_LENGTH = 200;

/**
 * Pass 1, on the raw value of a body, query or path parameter (any shape, any depth): the characters refused
 * everywhere. Runs before class-transformer so that no DTO, and no handler taking a plain object, ever sees them.
 */
export function findForbiddenCharacters(value: unknown, path: string[] = [], out: TextProblem[] = []): TextProblem[] {
  if (typeof value === 'string') {
    const char = forbiddenCharacter(value);
    if (char) out.push({ path, rule: 'textForbidden', message: textMessages.forbidden(char) });
  } else if (Array.isArray(value)) {
    // a string item is reported on its array, as class-validator reports `each` rules: one field, one message
    const char = value.map((item) => (typeof item === 'string' ? forbiddenCharacter(item) : undefined)).find(Boolean);
    if (char) out.push({ path, rule: 'textForbidden', message: textMessages.forbidden(char) });
    value.forEach((item, i) => {
      if (typeof item !== 'string') findForbiddenCharacters(item, [...path, String(i)], out);
    });
  } else if (isPlainData(value)) {
    for (const [key, item] of Object.entries(value)) {
      const keyChar = forbiddenCharacter(key);
      if (keyChar) out.push({ path: [...path, key], rule: 'textForbidden', message: textMessages.forbidden(keyChar) });
      findForbiddenCharacters(item, [...path, key], out);
    }
  }
  return out;
}

function isPlainData(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    !Buffer.isBuffer(value) &&
    !ArrayBuffer.isView(value)
  );
}

/** One rule of a DTO property as class-validator stores it (`name`, `constraints`, `message`, `each`). */
export type FieldRule = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

type TextKind = 'line' | 'multiline' | 'name' | 'untrimmed';

/**
 * The marks are class-validator rules that always pass, not plain reflect metadata: `PartialType`/`PickType` copy
 * class-validator's metadata to the classes they build, so an update DTO keeps the marks of the create DTO's fields.
 */
function markField(kind: TextKind): PropertyDecorator {
  return ValidateBy({ name: 'textKind', constraints: [kind], validator: { validate: () => true } });
}

/** Free text on several lines (notes, reasons, constraints): line feeds and tabs are kept, CRLF becomes LF. */
export const MultilineText = (): PropertyDecorator => markField('multiline');
/** A name people read and the service compares: no invisible character (zero-width, bidi marks, soft hyphen). */
export const NameText = (): PropertyDecorator => markField('name');
/** Kept byte for byte (passwords, tokens): not trimmed nor normalised; the forbidden characters still apply. */
export const Untrimmed = (): PropertyDecorator => markField('untrimmed');

const rulesCache = new WeakMap<object, Map<string, FieldRule[]>>();

/** class-validator's rules of a DTO class, by property (inherited ones included), looked up once per class. */
export function rulesOf(ctor: object): Map<string, FieldRule[]> {
  let rules = rulesCache.get(ctor);
  if (!rules) {
    rules = new Map();
    for (const m of getMetadataStorage().getTargetValidationMetadatas(ctor as new () => unknown, '', true, false))
      rules.set(m.propertyName, [...(rules.get(m.propertyName) ?? []), m]);
    rulesCache.set(ctor, rules);
  }
  return rules;
}

/** The bound a field declares with `@MaxLength(n)` or `@Length(min, n)`, if any. */
function declaredMaxLength(owner: object, key: string): number | undefined {
  for (const rule of rulesOf(owner.constructor).get(key) ?? []) {
    const max =
      rule.name === 'maxLength' ? rule.constraints?.[0] : rule.name === 'isLength' ? rule.constraints?.[1] : undefined;
    if (typeof max === 'number') return max;
  }
  return undefined;
}

function kindOf(owner: object, key: string): TextKind {
  const mark = rulesOf(owner.constructor)
    .get(key)
    ?.find((m) => m.name === 'textKind');
  return (mark?.constraints[0] as TextKind | undefined) ?? 'line';
}

/**
 * Pass 2, on the DTO instance built from the request, before class-validator: every string is normalised (NFC) and
 * trimmed, blank strings are refused ("champ requis"), single-line fields refuse line breaks and tabs, names refuse
 * invisible characters. Mutates the instance in place (the handler receives the trimmed values); returns the problems.
 */
export function normaliseTexts(node: unknown, path: string[] = [], out: TextProblem[] = []): TextProblem[] {
  if (!isPlainData(node) || Array.isArray(node)) return out;
  const owner = node as Record<string, unknown>;
  for (const key of Object.keys(owner)) {
    const value = owner[key];
    const kind = kindOf(owner, key);
    const declared = declaredMaxLength(owner, key);
    if (typeof value === 'string') {
      const { text, problem } = normaliseOne(value, kind, false, declared);
      owner[key] = text;
      if (problem) out.push({ path: [...path, key], ...problem });
    } else if (Array.isArray(value)) {
      let reported = false;
      value.forEach((item, i) => {
        if (typeof item === 'string') {
          const { text, problem } = normaliseOne(item, kind, true, declared);
          value[i] = text;
          // class-validator reports the rules of an array's items on the array itself: one message for the field
          if (problem && !reported) {
            out.push({ path: [...path, key], ...problem });
            reported = true;
          }
        } else normaliseTexts(item, [...path, key, String(i)], out);
      });
    } else normaliseTexts(value, [...path, key], out);
  }
  return out;
}

function normaliseOne(
  value: string,
  kind: TextKind,
  item: boolean,
  declaredMax: number | undefined,
): { text: string; problem?: Omit<TextProblem, 'path'> } {
  // a field with its own bound is checked by class-validator, with its own message; the others get the default one
  if (declaredMax === undefined && value.length > DEFAULT_MAX_LENGTH)
    return { text: value, problem: { rule: 'textTooLong', message: textMessages.tooLong(DEFAULT_MAX_LENGTH) } };
  if (kind === 'untrimmed') return { text: value };
  let text = value.normalize('NFC').trim();
  if (kind === 'multiline') text = text.replace(/\r\n?/g, '\n');
  if (text === '')
    return { text, problem: { rule: 'textBlank', message: item ? textMessages.blankItem : textMessages.blank } };
  if (kind !== 'multiline' && LINE_BREAK.test(text))
    return { text, problem: { rule: 'textLineBreak', message: textMessages.lineBreak } };
  const invisible = kind === 'name' ? NAME_INVISIBLE.exec(text)?.[0] : undefined;
  if (invisible)
    return { text, problem: { rule: 'textInvisibleInName', message: textMessages.invisibleInName(invisible) } };
  return { text };
}
