import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';

/**
 * Named schemas of non-JSON bodies (a DTO class can only describe an object): declared once in the document's
 * components so that a route answering `text/calendar` points at a name a client can look up.
 */
export const textMediaSchemas = {
  IcsCalendar: {
    type: 'string' as const,
    description:
      'Fichier iCalendar (RFC 5545, UTF-8, lignes CRLF) : VTIMEZONE Europe/Paris, un VEVENT par entretien (UID stable, SEQUENCE augmentée à chaque changement, STATUS:CANCELLED pour un entretien annulé).',
  },
};

/** A route whose 200 is an iCalendar file. */
export const ApiIcsResponse = (description: string) =>
  applyDecorators(
    ApiProduces('text/calendar'),
    ApiOkResponse({
      description,
      content: { 'text/calendar': { schema: { $ref: '#/components/schemas/IcsCalendar' } } },
    }),
  );
