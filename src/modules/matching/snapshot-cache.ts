/**
 * Scored snapshots by (id, version), for the match lists. The version is a new number from a sequence on every write
 * of what matching reads of the row (`candidate_profile.match_version`, `hiring_need.match_version`: triggers, see the
 * migrations CandidateMatchVersion and NeedMatchVersion), and the pre-filters read it from their index in the request's
 * own snapshot: an entry is used only when its version is the row's, so it always equals the database. A number from
 * a sequence is never given twice, so equal versions mean equal data.
 *
 * Who may appear is never decided here: the pre-filters' WHERE clauses and the page's consent check do that on every
 * request. Nothing of the candidates' identity table is kept (the profile is pseudonymous).
 *
 * Bounded: past `capacity` the entry written longest ago goes (Map order is insertion order). A hit does not move
 * its entry: re-inserting on every read cost more per list than refetching the few entries a FIFO evicts too early.
 * Per process; a restart only costs the first lists their fetches.
 */
export class SnapshotCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly capacity = 50_000) {}

  get(id: string, version: string): T | undefined {
    const entry = this.entries.get(id);
    return entry && entry.version === version ? entry.value : undefined;
  }

  set(id: string, version: string, value: T): void {
    this.entries.delete(id);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { version, value });
  }

  get size(): number {
    return this.entries.size;
  }
}
