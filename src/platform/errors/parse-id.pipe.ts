import { ParseUUIDPipe } from '@nestjs/common';
import { commonErrors } from './app-error';

/** Path ids are UUIDs; anything else is a client mistake answered before any query (`INVALID_ID`, 400). */
export const ParseId = new ParseUUIDPipe({ version: undefined, exceptionFactory: () => commonErrors.invalidId() });
