import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { fieldDate } from '../clock/clock';

/**
 * Rules between fields of one DTO, checked with the other rules so that the client gets them in the same 400 (field by
 * field, in French) before any database constraint is reached.
 */

/** This number must not exceed another field of the same object (e.g. a 7-day limit under the 30-day one). */
export function NotAbove(other: string, label: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notAbove',
      constraints: [other],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const bound = (args?.object as Record<string, unknown> | undefined)?.[other];
          return typeof value !== 'number' || typeof bound !== 'number' || value <= bound;
        },
        defaultMessage: () => `ne doit pas dépasser ${label}`,
      },
    },
    options,
  );
}

/** A list of objects in which `key` appears at most once (e.g. one budget per size band). */
export function DistinctBy(key: string, label: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'distinctBy',
      constraints: [key],
      validator: {
        validate: (value: unknown) => {
          if (!Array.isArray(value)) return true;
          const keys = value.map((item) => (item as Record<string, unknown> | null)?.[key]);
          return new Set(keys).size === keys.length;
        },
        defaultMessage: () => `ne doit pas contenir deux fois la même valeur de ${label}`,
      },
    },
    options,
  );
}

/**
 * A calendar date (AAAA-MM-JJ) between `min` and today in France. Checked against the wall clock because a DTO has no
 * injected Clock; a day's granularity makes the difference irrelevant, and services keep using their Clock.
 */
export function PastDate(min = '1900-01-01', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'pastDate',
      constraints: [min],
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)
            ? true
            : value.slice(0, 10) >= min && value.slice(0, 10) <= fieldDate(new Date()),
        defaultMessage: () => `doit être une date entre ${min} et aujourd'hui`,
      },
    },
    options,
  );
}
