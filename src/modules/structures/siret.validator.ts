import { registerDecorator, ValidationOptions } from 'class-validator';
import { SIRET_INVALID_MESSAGE } from './structures.errors';
import { isValidSiret } from './siret';

/** Class-validator rule for a SIRET (see siret.ts); alone, its failure answers `SIRET_INVALID` (platform validation). */
export function IsSiret(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSiret',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: SIRET_INVALID_MESSAGE, context: { code: 'SIRET_INVALID' }, ...options },
      validator: { validate: (value: unknown) => isValidSiret(value) },
    });
}
