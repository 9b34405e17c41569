/** Plain shapes returned by ReferentialsService to other modules (no entity classes leak out). */

export interface CommuneView {
  /** INSEE code (COG), e.g. `69123`; arrondissements municipaux have their own (`69381`). */
  code: string;
  name: string;
  department: string;
  postcodes: string[];
  latitude: number;
  longitude: number;
}

export interface CodeLabel {
  code: string;
  label: string;
}

export interface FicheView extends CodeLabel {
  domain: CodeLabel;
  grandDomain: CodeLabel;
}

export interface AppellationView extends CodeLabel {
  shortLabel: string;
  fiche: CodeLabel;
  domain: CodeLabel;
}

export interface RelatedFicheView extends CodeLabel {
  /** 0..1, see data/README.md. */
  score: number;
}

export interface NearbyCommuneView extends CommuneView {
  distanceKm: number;
}
