import { applyDecorators } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { ApiOkNamedResponse } from './named-schemas';

/**
 * Named schema of a non-JSON body (a DTO class can only describe an object), through the one mechanism of named
 * schemas (named-schemas.ts), so that a route answering `text/calendar` points at a name a client can look up.
 */
const icsCalendar = {
  type: 'string' as const,
  description:
    'Fichier iCalendar (RFC 5545, UTF-8, lignes CRLF) : VTIMEZONE Europe/Paris, un VEVENT par entretien (UID stable, SEQUENCE augmentée à chaque changement, STATUS:CANCELLED pour un entretien annulé).',
};

/** A route whose 200 is an iCalendar file. */
export const ApiIcsResponse = (description: string) =>
  applyDecorators(
    ApiProduces('text/calendar'),
    ApiOkNamedResponse('IcsCalendar', icsCalendar, { description, mediaType: 'text/calendar' }),
  );
