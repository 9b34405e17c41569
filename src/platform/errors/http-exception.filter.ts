import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, commonErrors } from './app-error';
import { INVALID_QUERY_ENCODING, INVALID_UTF8_BODY } from '../input/http-encoding';
import { constraintError } from './constraint-errors';

interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** Body-parser and express errors carry a `type` and a `status`; map the ones a client can cause. */
function fromHttpLayer(exception: unknown): AppError | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const e = exception as { type?: string; status?: number };
  if (e.type === 'entity.too.large')
    return new AppError('PAYLOAD_TOO_LARGE', 413, 'Le corps de la requête est trop volumineux.');
  if (e.type === 'entity.parse.failed')
    return new AppError('MALFORMED_JSON', 400, "Le corps de la requête n'est pas un JSON valide.");
  if (e.type === INVALID_UTF8_BODY) return commonErrors.invalidEncoding('body');
  if (e.type === INVALID_QUERY_ENCODING) return commonErrors.invalidEncoding('query');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new AppError('UNSUPPORTED_ENCODING', 415, "L'encodage du corps de la requête n'est pas pris en charge.");
  return undefined;
}

export function toAppError(exception: unknown): AppError | undefined {
  if (exception instanceof AppError) return exception;
  if (exception instanceof ThrottlerException) return commonErrors.tooManyRequests();
  if (exception instanceof QueryFailedError) return constraintError(exception);
  const http = fromHttpLayer(exception);
  if (http) return http;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // a body-parser error wrapped by Nest keeps its own status (403 for a failed `verify`): its type says more
    const nested = fromHttpLayer((exception as { cause?: unknown }).cause);
    if (nested) return nested;
    if (status === HttpStatus.NOT_FOUND) return new AppError('ROUTE_NOT_FOUND', 404, "Cette adresse n'existe pas.");
    if (status === HttpStatus.UNAUTHORIZED) return commonErrors.unauthenticated();
    if (status === HttpStatus.FORBIDDEN) return commonErrors.forbidden();
    if (status === HttpStatus.PAYLOAD_TOO_LARGE)
      return new AppError('PAYLOAD_TOO_LARGE', 413, 'Le corps de la requête est trop volumineux.');
    if (status === HttpStatus.SERVICE_UNAVAILABLE)
      return new AppError(
        'SERVICE_UNAVAILABLE',
        status,
        'Le service est momentanément indisponible.',
        exception.getResponse(),
      );
    if (status < 500) return new AppError('BAD_REQUEST', status, 'Requête invalide.');
  }
  return undefined;
}

/** The one place where errors become HTTP answers: `{ code, message, details? }`, never internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let error = toAppError(exception);
    if (!error) {
      this.logger.error({
        msg: 'unhandled error',
        error:
          exception instanceof Error
            ? { name: exception.name, message: exception.message, stack: exception.stack }
            : String(exception),
      });
      error = commonErrors.internal();
    }
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    if (error.status === 429) {
      const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      response.setHeader('Retry-After', String(typeof wait === 'number' && wait > 0 ? Math.ceil(wait) : 60));
    }
    response.status(error.status).json(body);
  }
}
