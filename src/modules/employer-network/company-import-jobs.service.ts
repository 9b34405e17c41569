import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/errors/app-error';
import { Clock } from '../../platform/clock/clock';
import { OutboxService } from '../../platform/queue/outbox.service';
import type { JobOutcome } from '../../platform/queue/job-handler';
import { holdsRoleIn, viewerOf } from '../structures/access';
import { CompaniesImportService, type ImportPhase, type ImportResult } from './companies-import.service';
import type { CompanyImportDto } from './dto/import-views.dto';
import { COMPANY_WRITERS } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import { CompanyImport } from './entities';
import type { ColumnMapping } from './import/csv-table';

/**
 * The CSV import as a job (issue 12 §7): the request stores the file and answers 202 with the import's id; the worker
 * runs the same code as the dry run (`CompaniesImportService.run`) in one transaction, all or nothing, and says where
 * it stands on a connection of its own (the transaction's writes are invisible until it commits, the progress must
 * not be). A replayed job finds the import over and does nothing; one that died midway runs again from the file (its
 * transaction left nothing behind), serialised with the SIAE's other imports by the same advisory lock.
 */
@Injectable()
export class CompanyImportJobs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: CompaniesImportService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async enqueue(
    principal: Principal,
    siaeId: string,
    file: Buffer,
    mapping: ColumnMapping | undefined,
  ): Promise<CompanyImportDto> {
    this.imports.assertImporter(principal, siaeId);
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        CompanyImport,
        manager.create(CompanyImport, {
          siaeId,
          status: 'queued',
          file,
          mapping: (mapping as Record<string, string> | undefined) ?? null,
          requestedByUserId: principal.userId,
        }),
      );
      await this.outbox.enqueue(manager, 'employer-network.import', { v: 1, importId: row.id });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'company.import.requested',
          subjectType: 'siae',
          subjectId: siaeId,
          context: { importId: row.id, bytes: file.length },
        },
        manager,
      );
      return importView(row);
    });
  }

  /** The progress and, once over, the outcome: for staff of the SIAE (others learn nothing). */
  async view(principal: Principal, siaeId: string, importId: string): Promise<CompanyImportDto> {
    const row = await this.dataSource.manager.findOne(CompanyImport, {
      where: { id: importId, siaeId },
      select: {
        id: true,
        siaeId: true,
        status: true,
        phase: true,
        total: true,
        processed: true,
        result: true,
        errors: true,
        failedAttempts: true,
        lastError: true,
        createdAt: true,
        startedAt: true,
        finishedAt: true,
      },
    });
    if (!row || !holdsRoleIn(viewerOf(principal), siaeId, COMPANY_WRITERS)) throw errors.importNotFound();
    return importView(row);
  }

  /** The job's use case. */
  async run(importId: string): Promise<JobOutcome> {
    const found = await this.dataSource.manager.findOne(CompanyImport, { where: { id: importId } });
    if (!found || !['queued', 'running'].includes(found.status)) return 'skipped';
    if (!found.file) throw new UnrecoverableError(`company import ${importId} has no file`);
    const file = found.file;
    await this.dataSource.manager.update(
      CompanyImport,
      { id: importId },
      { status: 'running', phase: 'lecture', startedAt: this.clock.now() },
    );
    const progress = async (phase: ImportPhase, processed: number, total: number) => {
      await this.dataSource.manager.update(CompanyImport, { id: importId }, { phase, processed, total });
    };
    try {
      const done = await this.dataSource.transaction(async (manager) => {
        // Serialised with the SIAE's other imports (the same lock `run` takes): a second delivery of this job waits
        // here, then finds the import over.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('company-import'), hashtext($1))`, [found.siaeId]);
        const [current] = await manager.query(`SELECT status FROM company_import WHERE id = $1`, [importId]);
        if (current?.status !== 'running') return null;
        const result = await this.imports.run(manager, found.siaeId, found.requestedByUserId, file, {
          mapping: (found.mapping as ColumnMapping | null) ?? undefined,
          dryRun: false,
          progress,
        });
        await manager.query(
          `UPDATE company_import SET status = 'done', phase = NULL, processed = $2, total = $2, result = $3::jsonb,
                  file = NULL, finished_at = $4 WHERE id = $1`,
          [importId, result.lines, JSON.stringify(result), this.clock.now()],
        );
        return result;
      });
      return done ? 'done' : 'skipped';
    } catch (error) {
      // A refused file is an outcome, not a failure: nothing was written, the report says why, no retry helps.
      if (error instanceof AppError && error.status < 500) {
        await this.dataSource.query(
          `UPDATE company_import SET status = 'invalid', phase = NULL, errors = $2::jsonb, file = NULL, finished_at = $3
            WHERE id = $1 AND status = 'running'`,
          [
            importId,
            JSON.stringify({ code: error.code, message: error.message, details: error.details ?? null }),
            this.clock.now(),
          ],
        );
        return 'done';
      }
      throw error;
    }
  }

  /** A failed attempt (BullMQ retries with a backoff); after the last one the import says `failed`. */
  async recordFailure(importId: string, error: Error, lastAttempt: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE company_import SET failed_attempts = failed_attempts + 1, last_error = left($2, 1000),
              status = CASE WHEN $3 THEN 'failed' ELSE status END, file = CASE WHEN $3 THEN NULL ELSE file END,
              finished_at = CASE WHEN $3 THEN now() ELSE finished_at END
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [importId, error.message, lastAttempt],
    );
  }
}

const n = (x: number) => x.toLocaleString('fr-FR');

function importLabel(row: CompanyImport): string {
  switch (row.status) {
    case 'queued':
      return 'En attente';
    case 'done': {
      const r = row.result as unknown as ImportResult;
      return `Terminé : ${n(r.companies)} entreprise(s) créée(s), ${n(r.existing)} déjà présente(s), ${n(r.contacts)} contact(s) ajouté(s)`;
    }
    case 'invalid':
      return `Fichier refusé, rien n’a été écrit : ${String(row.errors?.message ?? '')}`;
    case 'failed':
      return 'Échec : abandonné après la dernière tentative, rien n’a été écrit';
    case 'running':
      if (row.phase === 'écriture') return `Écriture : ${n(row.processed)} ligne(s) sur ${n(row.total)}`;
      if (row.phase === 'vérification') return `Vérification des ${n(row.total)} lignes`;
      return 'Lecture du fichier';
  }
}

// Typed with the response DTO so that a field added here without the DTO (and openapi.json) does not compile.
function importView(row: CompanyImport): CompanyImportDto {
  const over = row.status === 'done';
  return {
    id: row.id,
    siaeId: row.siaeId,
    status: row.status,
    phase: row.phase,
    label: importLabel(row),
    total: row.total,
    processed: row.processed,
    percent: over ? 100 : row.total > 0 ? Math.floor((100 * row.processed) / row.total) : 0,
    result: (row.result as unknown as CompanyImportDto['result']) ?? null,
    errors: (row.errors as unknown as CompanyImportDto['errors']) ?? null,
    failedAttempts: row.failedAttempts ?? 0,
    failureReason: row.status === 'failed' ? row.lastError : null,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
