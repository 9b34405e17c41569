import type { PreparedRecord } from './prepare';

/** One company (establishment) as one SIAE wrote it down: the input of the linking engine (shared/bench/pooling/FORMAT.md). */
export interface LinkableRecord {
  recordId: string;
  siaeId: string;
  name: string;
  siret?: string | null;
  siren?: string | null;
  naf?: string | null;
  communeInsee?: string | null;
  postcode?: string | null;
  address?: string | null;
  contacts?: LinkableContact[];
}

export interface LinkableContact {
  contactId: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  role?: string | null;
}

export interface CommuneLocation {
  lat: number;
  lon: number;
  /** Official name: "Proxi Marché Villeurbanne" in Villeurbanne is "Proxi Marché" there. */
  name?: string;
  postcodes?: readonly string[];
}

export interface LinkOptions {
  /** INSEE code → centroid (and postcodes): enables "neighbouring commune" reasoning and postcode fallback. */
  communes?: ReadonlyMap<string, CommuneLocation>;
  /** Human corrections: records that must end in one cluster (merge) and pairs that must never share one (split). */
  mustLink?: ReadonlyArray<readonly [string, string]>;
  cannotLink?: ReadonlyArray<readonly [string, string]>;
  /** Minimal pair score to link; see scorePair. */
  threshold?: number;
  /**
   * Word frequencies and record count to weigh names and choose blocking keys with, instead of those counted on
   * `records`: lets a caller keep them fixed from one run to the next (incremental pooling). Absent: counted on `records`.
   */
  statistics?: LinkStatistics;
  /**
   * Called once the records are prepared, before any pair is scored; returns the records whose pairs are scored and
   * linked (null: all). The others still count in the statistics and block sizes, but come out alone.
   */
  focus?: (view: PreparedView) => ReadonlySet<string> | null;
  /** Progress of the pair scoring: records done out of records to do, every few hundred records and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Also return the groups joined by links above the threshold or human merges (LinkResult.components). */
  components?: boolean;
}

/** Collective-wide figures the engine otherwise counts on the records it is given (see LinkOptions.statistics). */
export interface LinkStatistics {
  /** How many records they were counted on. */
  records: number;
  /** Prepared name word → how many of those records hold it. */
  documentFrequency: ReadonlyMap<string, number>;
}

/** The records as the engine reads them, before any pair is scored (see LinkOptions.focus). */
export interface PreparedView {
  records: readonly PreparedRecord[];
  statistics: LinkStatistics;
  blockingKeys(record: PreparedRecord): string[];
}

export interface LinkResult {
  /** Groups of 2+ recordIds describing one establishment; records in no group stand alone. */
  clusters: string[][];
  /** Groups of 2+ contactIds describing one person. */
  contactClusters: string[][];
  stats: { records: number; candidatePairs: number; links: number; mergesRefused: number };
  /**
   * With `components`: groups of 2+ recordIds joined by links above the threshold or human merges, whether or not the
   * group agreement let them merge. Nothing outside its group can change how a group is clustered.
   */
  components?: string[][];
}
