import { registerDecorator, ValidationOptions } from 'class-validator';
import { SIRET_INVALID_MESSAGE } from './structures.errors';
import { isValidSiret } from './siret';

/** Class-validator rule for a SIRET (see siret.ts); its message is recognised by `SiretErrorFilter`. */
export function IsSiret(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSiret',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: SIRET_INVALID_MESSAGE, ...options },
      validator: { validate: (value: unknown) => isValidSiret(value) },
    });
}
