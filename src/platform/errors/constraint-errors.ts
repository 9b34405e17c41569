import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';

type ConstraintMapper = () => AppError;

/**
 * Named database constraints are the last guard of every invariant; modules register here the French error each one
 * means, so a race that reaches the database still answers with the same code as the check done in code.
 */
const registry = new Map<string, ConstraintMapper>();

export function registerConstraintErrors(entries: Record<string, ConstraintMapper>): void {
  for (const [name, mapper] of Object.entries(entries)) registry.set(name, mapper);
}

export function constraintNameOf(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError;
  return driverError?.constraint;
}

export function isConstraintViolation(error: unknown, name: string): boolean {
  return constraintNameOf(error) === name;
}

export function constraintError(error: QueryFailedError): AppError | undefined {
  const name = constraintNameOf(error);
  const mapper = name ? registry.get(name) : undefined;
  if (mapper) return mapper();
  const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
  // 22021 / 22P05: a character PostgreSQL cannot store (NUL); the input pipe refuses it first, this is the last guard
  if (code === '22021' || code === '22P05')
    return new AppError('INVALID_CHARACTER', 400, 'Un texte envoyé contient un caractère interdit.');
  // 22P02 invalid text representation (bad uuid / enum), 22001 value too long, 22007/22008 bad date: caller input.
  if (code === '22P02' || code === '22001' || code === '22007' || code === '22008' || code === '22003')
    return new AppError('INVALID_VALUE', 400, "Une valeur envoyée n'a pas le format attendu.");
  return undefined;
}
