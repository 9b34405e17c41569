import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { AuditService, type AuditRecord } from './audit.service';

/**
 * Refused writes on shared objects are audited too (issue 11 §2: "every such decision is audited"). The decision is
 * taken inside the use case's transaction, which the refusal rolls back: an audit row written there would vanish with
 * it. So the deciding code only marks the error it throws with the row to write (`withRefusalAudit`), and
 * `RefusedWriteAuditInterceptor` writes that row after the handler failed — after the rollback — on a pooled
 * connection of its own (autocommit), then lets the error through unchanged to the exception filter.
 */
const refusals = new WeakMap<object, AuditRecord>();

export function withRefusalAudit<E extends Error>(error: E, record: AuditRecord): E {
  refusals.set(error, record);
  return error;
}

export function refusalAuditOf(error: unknown): AuditRecord | undefined {
  return typeof error === 'object' && error !== null ? refusals.get(error) : undefined;
}

@Injectable()
export class RefusedWriteAuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RefusedWriteAudit');

  constructor(private readonly audit: AuditService) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const record = refusalAuditOf(error);
        if (!record) return throwError(() => error);
        // Written before the answer leaves, so that a client reading the trail right after its 403 finds the row; a
        // failure to write it is logged and never replaces the refusal the client is owed.
        const written = this.audit
          .record(record)
          .catch((failure: unknown) =>
            this.logger.error({ msg: 'refused write not audited', action: record.action, error: String(failure) }),
          );
        return from(written).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
