import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { AppError } from '../../platform/errors/app-error';
import { HttpExceptionFilter } from '../../platform/errors/http-exception.filter';
import type { FieldProblem } from '../../platform/errors/validation';
import { SIRET_INVALID_MESSAGE, structuresErrors } from './structures.errors';

/**
 * The global validation pipe answers `VALIDATION_FAILED` for any field. A wrong SIRET is the mistake people make most
 * (a typo in 14 digits), so clients get a code of its own when it is the only problem; then the usual filter answers.
 */
@Catch()
export class SiretErrorFilter implements ExceptionFilter {
  private readonly delegate = new HttpExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    this.delegate.catch(promoteSiretProblem(exception), host);
  }
}

export function promoteSiretProblem(exception: unknown): unknown {
  if (!(exception instanceof AppError) || exception.code !== 'VALIDATION_FAILED' || !Array.isArray(exception.details)) return exception;
  const problems = exception.details as FieldProblem[];
  const onlySiret = problems.length > 0 && problems.every((p) => p.problems.length === 1 && p.problems[0] === SIRET_INVALID_MESSAGE);
  return onlySiret ? structuresErrors.siretInvalid(problems) : exception;
}
