import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '../../platform/clock/clock';
import { PoolingRun } from './entities';
import type { CommuneLocation } from './linking/types';
import { unchangedOutcome } from './linking/incremental';
import { PoolingLinker } from './pooling-linker';
import { engineVersion, loadPrevious, loadSnapshot } from './pooling-snapshot';
import { writePooling } from './pooling-writer';

/** Progress rows are written at most this often while the engine links (it reports every few hundred records). */
const PROGRESS_EVERY_MS = 500;

/** Another run of the collective finished in between: this one's comparison is stale; BullMQ retries it. */
export class PoolingBaseMovedError extends Error {}

/**
 * The pooling of one collective: loads the records its SIAE share (the snapshot) and what the last run left, re-links
 * what changed since (linking/incremental.ts, in a worker thread) with the human corrections, and writes the
 * difference (pooling-writer.ts). Running it twice on the same state writes nothing the second time.
 *
 * Progress: `total` is twice the records to re-link (once linked, once written), `processed` moves through both phases.
 */
@Injectable()
export class PoolingService {
  private readonly logger = new Logger(PoolingService.name);
  private communes: Map<string, CommuneLocation> | null = null;
  private readonly linker = new PoolingLinker();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async run(runId: string): Promise<'done' | 'skipped'> {
    const run = await this.dataSource.getRepository(PoolingRun).findOne({ where: { id: runId } });
    if (!run || run.status === 'done' || run.status === 'failed') return 'skipped';
    const collectiveId = run.collectiveId;
    await this.progress(runId, {
      status: 'running',
      phase: 'loading',
      total: 0,
      processed: 0,
      startedAt: this.clock.now(),
    });
    const progress = new ThrottledProgress(
      (patch) => this.progress(runId, patch),
      (e) => this.logger.warn(`progress of run ${runId} not written: ${e.message}`),
    );
    try {
      const started = Date.now();
      const { snapshot, previous } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
        snapshot: await loadSnapshot(manager, collectiveId),
        previous: await loadPrevious(manager, collectiveId),
      }));
      const communes = await this.communeLocations();
      const version = engineVersion(communes);
      const loadedMs = Date.now() - started;
      await this.progress(runId, { phase: 'linking' });
      const input = {
        records: snapshot.records,
        mustLink: snapshot.mustLink,
        cannotLink: snapshot.cannotLink,
        communes,
        engineVersion: version,
        previous: previous.linking,
        full: run.fullRequested,
      };
      // nothing changed: decided here, without starting the engine (nor its thread)
      const outcome =
        unchangedOutcome(input) ??
        (await this.linker.relink(input, (done, total) => progress.push({ total: 2 * total, processed: done })));
      await progress.flush();
      const linkedMs = Date.now() - started - loadedMs;
      const relinked = outcome.relinked.size;
      await this.progress(runId, { phase: 'writing', total: 2 * relinked, processed: relinked });
      await this.dataSource.transaction(async (manager) => {
        // one writer per collective; and what was compared must still be what the last run left
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('pooling:' || $1))`, [collectiveId]);
        const [last]: Array<{ id: string }> = await manager.query(
          `SELECT id FROM pooling_run WHERE collective_id = $1 AND status = 'done' ORDER BY finished_at DESC, id DESC LIMIT 1`,
          [collectiveId],
        );
        if ((last?.id ?? null) !== previous.runId)
          throw new PoolingBaseMovedError(`pooling of collective ${collectiveId}: another run finished meanwhile`);
        const written = await writePooling(manager, {
          collectiveId,
          outcome,
          rows: snapshot.rows,
          pooledOf: previous.pooledOf,
          previousStates: previous.linking?.states ?? null,
          now: this.clock.now(),
          onProgress: (n) => progress.push({ processed: relinked + Math.min(n, relinked) }),
        });
        await progress.flush();
        // Done with its data, in its transaction: the next run compares with what this one wrote. Finished strictly
        // after the previous run of the collective, whatever the clock says, so that "the last run" is never a tie.
        const [{ at }]: Array<{ at: Date }> = await manager.query(
          `SELECT greatest($2::timestamptz, max(finished_at) + interval '1 millisecond') AS at FROM pooling_run WHERE collective_id = $1 AND status = 'done'`,
          [collectiveId, this.clock.now()],
        );
        await manager.update(
          PoolingRun,
          { id: runId },
          {
            status: 'done',
            phase: null,
            total: 2 * relinked,
            processed: 2 * relinked,
            finishedAt: at,
            mode: outcome.mode,
            engineVersion: version,
            drift: outcome.drift,
            corrections: outcome.corrections,
            statisticsRunId: outcome.mode === 'full' ? runId : previous.statisticsRunId,
            linkingStatistics:
              outcome.mode === 'full'
                ? { records: outcome.statistics.records, documentFrequency: [...outcome.statistics.documentFrequency] }
                : null,
            stats: {
              mode: outcome.mode,
              fullReason: outcome.reason,
              records: snapshot.records.length,
              pooledCompanies: countClusters(previous.pooledOf, outcome),
              changedRecords: outcome.changed,
              relinkedRecords: relinked,
              ...written,
              engine: outcome.engine,
              ms: { loading: loadedMs, linking: linkedMs, writing: Date.now() - started - loadedMs - linkedMs },
            } as QueryDeepPartialEntity<Record<string, unknown>>,
          },
        );
      });
      return 'done';
    } catch (e) {
      this.logger.error(`pooling of collective ${collectiveId} failed: ${(e as Error).message}`);
      await progress.flush().catch(() => undefined);
      await this.progress(runId, { phase: 'error' });
      throw e;
    }
  }

  /**
   * One attempt failed: counted, with its error; after the last attempt the run ends `failed` (and a later request
   * starts a new run instead of waiting for this one). A run already finished is left as it is.
   */
  async recordFailure(runId: string, error: Error, lastAttempt: boolean): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(PoolingRun)
      .set({
        failedAttempts: () => 'failed_attempts + 1',
        lastError: String(error.message).slice(0, 1000),
        ...(lastAttempt ? { status: 'failed' as const, finishedAt: this.clock.now() } : {}),
      })
      .where('id = :runId AND status IN (:...open)', { runId, open: ['queued', 'running'] })
      .execute();
  }

  private async progress(runId: string, patch: QueryDeepPartialEntity<PoolingRun>): Promise<void> {
    await this.dataSource.getRepository(PoolingRun).update({ id: runId }, patch);
  }

  private async communeLocations(): Promise<Map<string, CommuneLocation>> {
    if (this.communes) return this.communes;
    const rows: Array<{ code: string; name: string; latitude: number; longitude: number; postcodes: string[] }> =
      await this.dataSource.query(`SELECT code, name, latitude, longitude, postcodes FROM commune`);
    const map = new Map<string, CommuneLocation>();
    for (const r of rows) map.set(r.code, { lat: r.latitude, lon: r.longitude, name: r.name, postcodes: r.postcodes });
    // the referential changes with an import, not between two runs of a worker's life: cached once it has rows
    if (map.size > 0) this.communes = map;
    return map;
  }
}

/** Pooled companies after the run: the clusters re-linked, plus the untouched ones. */
function countClusters(
  pooledOf: ReadonlyMap<string, string>,
  outcome: { relinked: ReadonlySet<string>; clusters: string[][]; states: ReadonlyMap<string, unknown> },
): number {
  const untouched = new Set<string>();
  for (const [id, p] of pooledOf) if (outcome.states.has(id) && !outcome.relinked.has(id)) untouched.add(p);
  return untouched.size + outcome.clusters.length;
}

/**
 * Keeps the latest progress and writes it at most every PROGRESS_EVERY_MS of wall time (a write rate, not a domain
 * time: no Clock), one write at a time. A failed progress write is logged, never fails the run.
 */
class ThrottledProgress {
  private pending: QueryDeepPartialEntity<PoolingRun> | null = null;
  private lastWrite = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (patch: QueryDeepPartialEntity<PoolingRun>) => Promise<void>,
    private readonly onError: (e: Error) => void,
  ) {}

  push(patch: QueryDeepPartialEntity<PoolingRun>): Promise<void> {
    this.pending = { ...this.pending, ...patch };
    if (Date.now() - this.lastWrite < PROGRESS_EVERY_MS) return this.chain;
    return this.flush();
  }

  flush(): Promise<void> {
    const patch = this.pending;
    this.pending = null;
    if (!patch) return this.chain;
    this.lastWrite = Date.now();
    this.chain = this.chain.then(() => this.write(patch)).catch((e: Error) => this.onError(e));
    return this.chain;
  }
}
