import { Injectable } from '@nestjs/common';

/** Injected instead of `new Date()` so that expiry and retention rules can be tested at a chosen instant. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date): void {
    this.instant = instant;
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

/** The collectives are in France: "today" for a person of the field (interactions, availability, ASAP starts). */
export const FIELD_TIME_ZONE = 'Europe/Paris';
// Built once: an Intl formatter with a time zone costs more to create than to use, and lists ask for today on every call.
const fieldDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: FIELD_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) of an instant in the field's time zone: at 00:30 in Lyon it is already tomorrow. */
export function fieldDate(instant: Date): string {
  return fieldDateFormat.format(instant);
}
