/** Responses of the referentials endpoints. */
import { CodeLabelDto } from '../../../platform/openapi/common.dto';

export { CodeLabelDto };

export class AppellationSuggestionDto {
  /** Code OGR de l'appellation. */
  code: string;
  /** Libellé long, ex. « Agent / Agente d'entretien du bâtiment ». */
  label: string;
  /** Libellé court (abrégé), ex. « Agent(e) aménagement des circuits pédestres, équestres, VTT ». */
  shortLabel: string;
  /** Fiche ROME de l'appellation. */
  fiche: CodeLabelDto;
  /** Domaine professionnel (3 premiers caractères du code ROME). */
  domain: CodeLabelDto;
}

export class CommuneDto {
  /** Code INSEE (COG) ; les arrondissements de Paris, Lyon et Marseille ont le leur. */
  code: string;
  name: string;
  /** Code du département, ex. `69`, `2A`, `974`. */
  department: string;
  /** Codes postaux de la commune (vide pour quelques territoires d'outre-mer). */
  postcodes: string[];
  /** Centroïde, WGS84. */
  latitude: number;
  longitude: number;
}

export class RelatedFicheDto {
  code: string;
  label: string;
  /** Proximité entre 0 et 1 (agrégat national des « métiers connexes » de Pôle emploi). */
  score: number;
}

export class FicheDto {
  code: string;
  label: string;
  domain: CodeLabelDto;
  grandDomain: CodeLabelDto;
  /** Nombre d'appellations rattachées à la fiche. */
  appellationsCount: number;
  /** Métiers connexes, du plus proche au moins proche. */
  related: RelatedFicheDto[];
}
