import { createHash } from 'node:crypto';
import { linkRecords } from './link-records';
import type { PreparedRecord } from './prepare';
import type { CommuneLocation, LinkableRecord, LinkResult, LinkStatistics, PreparedView } from './types';

/**
 * Incremental linking: re-links only what a change can reach, with the same result as linking the whole set with the
 * same statistics. Pure (no I/O): the pooling service loads the records and the previous state, and stores the outcome.
 *
 * Why it is exact. The engine links within groups of records joined by links above its threshold or by human merges
 * (`components`); how a group is clustered depends only on its own records' prepared features, the sizes of the blocks
 * they share, and the corrections among them. So a run compares each record's prepared features and blocking keys with
 * the previous run's (a fingerprint: this catches features that collective-wide figures change, such as a SIRET seen in
 * two towns or a name known at several sites), takes the records that changed, those sharing a blocking key with them
 * (before or after the change: a block that grows past its size limit stops pairing its members), and re-links the
 * whole previous groups of all of these. Any other group keeps its records, features, links and corrections: its
 * clusters are the previous ones.
 *
 * The one figure that every record depends on is the name-word statistics (each word's weight is its rarity among all
 * records, so one more record shifts every weight a little and could tip any pair near the threshold). They are
 * therefore counted once, kept with the state, and given to every later run (`LinkOptions.statistics`): an incremental
 * run equals a full run with those statistics. They are counted again, with a full re-link, when the records changed
 * since they were counted exceed a share of the set (DRIFT_*), when the engine changed, or on request.
 */

/** What a run remembers of one record. */
export interface RecordState {
  /** Digest of the record as given to the engine (its fields and shared contacts). */
  inputHash: string;
  /** Digest of the record as the engine prepared it (features, collective-wide flags, blocking keys). */
  fingerprint: string;
  /** Its blocking keys, hashed to 32-bit integers (a collision only widens what is re-linked). */
  keys: number[];
  /** Smallest recordId of its group (see LinkResult.components); itself when alone. */
  component: string;
}

export interface PreviousLinking {
  engineVersion: string;
  statistics: LinkStatistics;
  /** The corrections it respected, as `kind|a|b`. */
  corrections: readonly string[];
  /** Records added, edited or removed since the statistics were counted. */
  drift: number;
  states: ReadonlyMap<string, RecordState>;
}

export interface RelinkInput {
  /** Sorted by recordId: the engine breaks ties by position, so the order must not depend on what else is there. */
  records: readonly LinkableRecord[];
  mustLink: ReadonlyArray<readonly [string, string]>;
  cannotLink: ReadonlyArray<readonly [string, string]>;
  communes?: ReadonlyMap<string, CommuneLocation>;
  /** Changes when the engine (or the commune referential) changes: a full re-link follows. */
  engineVersion: string;
  previous: PreviousLinking | null;
  full?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export type FullReason = 'first' | 'engine' | 'requested' | 'drift';

export interface RelinkOutcome {
  mode: 'unchanged' | 'incremental' | 'full';
  reason: FullReason | null;
  /** Records whose cluster was computed again; every other record keeps its previous cluster. */
  relinked: ReadonlySet<string>;
  /** The clusters of the relinked records, singletons included: each holds relinked records only. */
  clusters: string[][];
  /** Records added, edited, removed, or whose prepared features changed. */
  changed: number;
  states: Map<string, RecordState>;
  statistics: LinkStatistics;
  drift: number;
  corrections: string[];
  engine: LinkResult['stats'] | null;
}

/** Statistics are counted again past this many changed records, or this share of the set if larger. */
export const DRIFT_MIN = 20;
export const DRIFT_RATE = 0.05;

/** What changed since the previous run, from the inputs alone (no engine). */
function compare(input: RelinkInput) {
  const { records, previous } = input;
  const corrections = correctionKeys(input.mustLink, input.cannotLink);
  const inputHashes = new Map(records.map((r) => [r.recordId, inputHash(r)]));
  let reason: FullReason | null = null;
  if (!previous) reason = 'first';
  else if (previous.engineVersion !== input.engineVersion) reason = 'engine';
  else if (input.full) reason = 'requested';
  const edited = new Set<string>();
  const corrected = new Set<string>();
  const removed: string[] = [];
  if (previous) {
    for (const [id, hash] of inputHashes) if (previous.states.get(id)?.inputHash !== hash) edited.add(id);
    for (const id of previous.states.keys()) if (!inputHashes.has(id)) removed.push(id);
    const before = new Set(previous.corrections);
    const now = new Set(corrections);
    for (const c of [
      ...corrections.filter((k) => !before.has(k)),
      ...previous.corrections.filter((k) => !now.has(k)),
    ]) {
      const [, a, b] = c.split('|');
      corrected.add(a).add(b);
    }
  }
  return { corrections, inputHashes, reason, edited, removed, corrected };
}

/** The outcome when nothing changed since the previous run (null otherwise): no linking at all. */
export function unchangedOutcome(input: RelinkInput, changes = compare(input)): RelinkOutcome | null {
  const { previous } = input;
  const { reason, edited, removed, corrected, corrections } = changes;
  if (!previous || reason || edited.size > 0 || removed.length > 0 || corrected.size > 0) return null;
  return {
    mode: 'unchanged',
    reason: null,
    relinked: new Set(),
    clusters: [],
    changed: 0,
    states: new Map(previous.states),
    statistics: previous.statistics,
    drift: previous.drift,
    corrections,
    engine: null,
  };
}

export function relink(input: RelinkInput): RelinkOutcome {
  const { records, previous } = input;
  const changes = compare(input);
  const unchanged = unchangedOutcome(input, changes);
  if (unchanged) return unchanged;
  const { corrections, inputHashes, reason, edited, removed, corrected } = changes;
  if (reason || !previous) return linkAll(input, reason ?? 'first', inputHashes, corrections);
  const drift = previous.drift + edited.size + removed.length;
  if (drift > Math.max(DRIFT_MIN, DRIFT_RATE * previous.statistics.records))
    return linkAll(input, 'drift', inputHashes, corrections);

  const partners = new Map<string, string[]>();
  for (const [x, y] of [...input.mustLink, ...input.cannotLink]) {
    (partners.get(x) ?? partners.set(x, []).get(x)!).push(y);
    (partners.get(y) ?? partners.set(y, []).get(y)!).push(x);
  }
  let focus = new Set<string>();
  let changed = 0;
  const computed = new Map<string, { fingerprint: string; keys: number[] }>();
  const pick = (view: PreparedView): ReadonlySet<string> => {
    const changedIds = new Set<string>([...edited, ...corrected].filter((id) => inputHashes.has(id)));
    for (const p of view.records) {
      const f = fingerprintOf(p, view);
      computed.set(p.recordId, f);
      if (previous.states.get(p.recordId)?.fingerprint !== f.fingerprint) changedIds.add(p.recordId);
    }
    changed = changedIds.size + removed.length;
    const touchedKeys = new Set<number>();
    for (const id of changedIds) {
      for (const k of computed.get(id)!.keys) touchedKeys.add(k);
      for (const k of previous.states.get(id)?.keys ?? []) touchedKeys.add(k);
    }
    for (const id of removed) for (const k of previous.states.get(id)!.keys) touchedKeys.add(k);
    const members = new Map<string, string[]>();
    for (const [id, s] of previous.states)
      (members.get(s.component) ?? members.set(s.component, []).get(s.component)!).push(id);
    const reached = new Set<string>([...changedIds, ...removed]);
    // a correction whose other record appears or leaves joins or parts groups that share no blocking key
    for (const id of [...reached]) for (const other of partners.get(id) ?? []) reached.add(other);
    for (const [id, f] of computed) if (f.keys.some((k) => touchedKeys.has(k))) reached.add(id);
    focus = new Set<string>();
    for (const id of reached) {
      if (inputHashes.has(id)) focus.add(id);
      const component = previous.states.get(id)?.component;
      for (const m of component === undefined ? [] : members.get(component)!) if (inputHashes.has(m)) focus.add(m);
    }
    return focus;
  };
  const result = linkRecords(records, {
    communes: input.communes,
    statistics: previous.statistics,
    mustLink: input.mustLink,
    cannotLink: input.cannotLink,
    components: true,
    focus: pick,
    onProgress: input.onProgress,
  });
  const states = new Map<string, RecordState>();
  for (const [id, s] of previous.states) if (inputHashes.has(id) && !focus.has(id)) states.set(id, s);
  const clusters = withinFocus(result.clusters, focus);
  for (const [id, component] of componentIds(withinFocus(result.components ?? [], focus))) {
    states.set(id, { inputHash: inputHashes.get(id)!, ...computed.get(id)!, component });
  }
  return {
    mode: 'incremental',
    reason: null,
    relinked: focus,
    clusters,
    changed,
    states,
    statistics: previous.statistics,
    drift,
    corrections,
    engine: result.stats,
  };
}

function linkAll(
  input: RelinkInput,
  reason: FullReason,
  inputHashes: Map<string, string>,
  corrections: string[],
): RelinkOutcome {
  let statistics: LinkStatistics | null = null;
  const computed = new Map<string, { fingerprint: string; keys: number[] }>();
  const result = linkRecords(input.records, {
    communes: input.communes,
    mustLink: input.mustLink,
    cannotLink: input.cannotLink,
    components: true,
    onProgress: input.onProgress,
    focus: (view) => {
      statistics = { records: view.statistics.records, documentFrequency: new Map(view.statistics.documentFrequency) };
      for (const p of view.records) computed.set(p.recordId, fingerprintOf(p, view));
      return null;
    },
  });
  const all = new Set(inputHashes.keys());
  const states = new Map<string, RecordState>();
  for (const [id, component] of componentIds(withinFocus(result.components ?? [], all))) {
    states.set(id, { inputHash: inputHashes.get(id)!, ...computed.get(id)!, component });
  }
  return {
    mode: 'full',
    reason,
    relinked: all,
    clusters: withinFocus(result.clusters, all),
    changed: input.records.length,
    states,
    statistics: statistics!,
    drift: 0,
    corrections,
    engine: result.stats,
  };
}

/** Groups lying inside the focus, plus its records in none as singletons; a group straddling it is a bug, not a result. */
function withinFocus(groups: string[][], focus: ReadonlySet<string>): string[][] {
  const out: string[][] = [];
  const placed = new Set<string>();
  for (const g of groups) {
    const inside = g.filter((id) => focus.has(id));
    if (inside.length === 0) continue;
    if (inside.length !== g.length)
      throw new Error(`incremental linking: a group straddles the re-linked part (${g.join(', ')})`);
    out.push(g);
    for (const id of g) placed.add(id);
  }
  for (const id of focus) if (!placed.has(id)) out.push([id]);
  return out;
}

function componentIds(groups: string[][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groups) {
    const id = g.reduce((m, x) => (x < m ? x : m));
    for (const x of g) out.set(x, id);
  }
  return out;
}

export function correctionKeys(mustLink: RelinkInput['mustLink'], cannotLink: RelinkInput['cannotLink']): string[] {
  const key = (kind: string, [x, y]: readonly [string, string]) => (x < y ? `${kind}|${x}|${y}` : `${kind}|${y}|${x}`);
  return [...mustLink.map((p) => key('merge', p)), ...cannotLink.map((p) => key('split', p))].sort();
}

const digest = (text: string) => createHash('sha1').update(text).digest('base64url');

/** The record as the engine receives it, field by field in a fixed order. */
export function inputHash(r: LinkableRecord): string {
  const contacts = [...(r.contacts ?? [])]
    .sort((a, b) => (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0))
    .map((c) => [
      c.contactId,
      c.firstName ?? null,
      c.lastName ?? null,
      c.email ?? null,
      c.phone ?? null,
      c.role ?? null,
    ]);
  return digest(
    JSON.stringify([
      r.recordId,
      r.siaeId,
      r.name,
      r.siret ?? null,
      r.siren ?? null,
      r.naf ?? null,
      r.communeInsee ?? null,
      r.postcode ?? null,
      r.address ?? null,
      contacts,
    ]),
  );
}

/** Numbers the engine interns in the order it meets values: they differ between two runs of the same record. */
const RUN_LOCAL = new Set(['index', 'ids', 'nameId', 'addressId', 'contactIds', 'domainIds', 'webmailIds']);

/** Everything the engine compares of a record (all its prepared fields but run-local numbers) and its blocking keys. */
function fingerprintOf(p: PreparedRecord, view: PreparedView): { fingerprint: string; keys: number[] } {
  const keys = [...new Set(view.blockingKeys(p))].sort();
  const features = JSON.stringify(p, (k, v: unknown) => (RUN_LOCAL.has(k) ? undefined : v));
  return {
    fingerprint: digest(`${features}\n${keys.join('\n')}`),
    keys: [...new Set(keys.map(hash32))].sort((a, b) => a - b),
  };
}

/** FNV-1a, as a signed 32-bit integer (a PostgreSQL integer). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
