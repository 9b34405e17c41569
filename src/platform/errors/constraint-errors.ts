import { QueryFailedError } from 'typeorm';
import { AppError, commonErrors } from './app-error';

/** What a violated constraint means to the client; `undefined` keeps it an internal error (see `serverOnly`). */
type ConstraintMapper = (error: QueryFailedError) => AppError | undefined;

/**
 * Named database constraints are the last guard of every invariant; modules register here the French error each one
 * means, so a race that reaches the database still answers with the same code as the check done in code. The schema
 * test (test/e2e/constraint-errors.e2e-spec.ts) fails when a constraint of the migrated schema is missing here.
 */
const registry = new Map<string, ConstraintMapper>();
const serverOnlyReasons = new Map<string, string>();

export function registerConstraintErrors(entries: Record<string, ConstraintMapper | (() => AppError)>): void {
  for (const [name, mapper] of Object.entries(entries)) registry.set(name, mapper as ConstraintMapper);
}

/** Every constraint name with a registered meaning (domain error or `serverOnly`), for the schema test. */
export function registeredConstraints(): ReadonlyMap<string, { serverOnly?: string; map: ConstraintMapper }> {
  return new Map(
    [...registry].map(([name, map]) => [
      name,
      { map, ...(serverOnlyReasons.has(name) ? { serverOnly: serverOnlyReasons.get(name) } : {}) },
    ]),
  );
}

function driverErrorOf(error: QueryFailedError): { constraint?: string; code?: string; detail?: string } {
  return (
    (error as QueryFailedError & { driverError?: { constraint?: string; code?: string; detail?: string } })
      .driverError ?? {}
  );
}

/** Ready-made meanings for the constraints whose error is the same everywhere. */
export const constraintMeanings = {
  /**
   * A foreign key: on insert/update the row it names does not exist (an id sent by the client, or deleted meanwhile);
   * on delete the row is still used elsewhere. PostgreSQL reports both under the constraint's name; its detail says
   * which ("is not present in table" / "is still referenced from table").
   */
  reference:
    (what: string): ConstraintMapper =>
    (error) =>
      /still referenced|toujours référencée/.test(driverErrorOf(error).detail ?? '')
        ? commonErrors.stillReferenced(what)
        : commonErrors.notFound(what),
  /** A CHECK constraint on a value the client chose: 400 INVALID_VALUE with the rule in French. */
  invalid:
    (message: string): ConstraintMapper =>
    () =>
      commonErrors.invalidValue(message),
  /** A unique constraint the client can hit twice (or two clients at once): 409 ALREADY_EXISTS. */
  duplicate:
    (message: string): ConstraintMapper =>
    () =>
      commonErrors.alreadyExists(message),
  /**
   * Only the service writes what this constraint checks (statuses of its own state machines, hashes of random
   * tokens, referential data loaded by the import CLI): no request value can reach it, so a violation is a bug and
   * stays a logged 500. The reason is said once, here, so that the schema test can list it.
   */
  serverOnly: (name: string, reason: string): ConstraintMapper => {
    serverOnlyReasons.set(name, reason);
    return () => undefined;
  },
};

/** Registers constraints that only the service can violate, each with the reason (see `constraintMeanings.serverOnly`). */
export function registerServerOnlyConstraints(entries: Record<string, string>): void {
  for (const [name, reason] of Object.entries(entries)) registry.set(name, constraintMeanings.serverOnly(name, reason));
}

export function constraintNameOf(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return driverErrorOf(error).constraint;
}

export function isConstraintViolation(error: unknown, name: string): boolean {
  return constraintNameOf(error) === name;
}

export function constraintError(error: QueryFailedError): AppError | undefined {
  const name = constraintNameOf(error);
  const mapper = name ? registry.get(name) : undefined;
  if (mapper) return mapper(error);
  const code = driverErrorOf(error).code;
  // 22021 / 22P05: a character PostgreSQL cannot store (NUL); the input pipe refuses it first, this is the last guard
  if (code === '22021' || code === '22P05') return commonErrors.invalidCharacter();
  // 22P02 invalid text representation (bad uuid / enum), 22001 value too long, 22007/22008 bad date: caller input.
  if (code === '22P02' || code === '22001' || code === '22007' || code === '22008' || code === '22003')
    return commonErrors.invalidValue();
  return undefined;
}
