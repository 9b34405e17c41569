import type { CandidateSnapshot } from './engine';

/** A scored candidate as the match lists keep it: the engine's snapshot and the SIAE it belongs to. */
export interface CachedCandidate {
  snapshot: CandidateSnapshot;
  siaeId: string;
}

/**
 * Candidate snapshots by (id, `candidate_profile.match_version`). The version is a new number from a sequence on every
 * write of what matching reads (migration CandidateMatchVersion), and the pre-filter reads it from its index in the
 * request's own snapshot: an entry is used only when its version is the row's, so it always equals the database.
 * Who may appear is never decided here: the pre-filter's WHERE clause and the page's consent check do that on every
 * request. Nothing of the identity table is kept (the profile is pseudonymous).
 *
 * Bounded: past `capacity` the entry read or written longest ago goes (Map order is insertion order, and a hit
 * re-inserts). Per process; a restart only costs the first lists their fetches.
 */
export class CandidateSnapshotCache {
  private readonly entries = new Map<string, { version: string; value: CachedCandidate }>();

  constructor(private readonly capacity = 50_000) {}

  get(candidateId: string, version: string): CachedCandidate | undefined {
    const entry = this.entries.get(candidateId);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(candidateId);
    this.entries.set(candidateId, entry);
    return entry.value;
  }

  set(candidateId: string, version: string, value: CachedCandidate): void {
    this.entries.delete(candidateId);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(candidateId, { version, value });
  }

  get size(): number {
    return this.entries.size;
  }
}
