import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { commonErrors } from '../errors/app-error';
import { toAppError } from '../errors/http-exception.filter';
import { ErrorPage } from './error-page';
import { setPageHeaders } from './page-headers.interceptor';
import { renderHtml } from './render';

/** The page counterpart of HttpExceptionFilter: same codes and statuses, rendered as an accessible French page. */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PageExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let error = toAppError(exception);
    if (!error) {
      this.logger.error({
        msg: 'unhandled error on a page',
        error:
          exception instanceof Error
            ? { name: exception.name, message: exception.message, stack: exception.stack }
            : String(exception),
      });
      error = commonErrors.internal();
    }
    setPageHeaders(response);
    if (error.status === 429) response.setHeader('Retry-After', '60');
    response.setHeader('X-Error-Code', error.code);
    response
      .status(error.status)
      .type('html')
      .send(renderHtml(<ErrorPage status={error.status} message={error.message} />));
  }
}
