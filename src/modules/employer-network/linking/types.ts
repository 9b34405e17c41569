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
}

export interface LinkResult {
  /** Groups of 2+ recordIds describing one establishment; records in no group stand alone. */
  clusters: string[][];
  /** Groups of 2+ contactIds describing one person. */
  contactClusters: string[][];
  stats: { records: number; candidatePairs: number; links: number; mergesRefused: number };
}
