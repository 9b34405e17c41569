import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { referentialsErrors } from './referentials.errors';
import {
  AppellationView,
  CodeLabel,
  CommuneView,
  FicheView,
  NearbyCommuneView,
  RelatedFicheView,
} from './referentials.views';

const COMMUNE_COLUMNS = `c.code, c.name, c.department, c.postcodes, c.latitude, c.longitude`;

/** Maximum radius accepted by `communesNear`: beyond, a "nearby" list is the whole country. */
export const MAX_RADIUS_KM = 300;

/**
 * Read-only access to the ROME and communes referentials for the other modules (SIAE commune resolution, matching,
 * candidates). Every method takes an optional EntityManager so that a caller's transaction reads through its own
 * connection.
 */
@Injectable()
export class ReferentialsService {
  constructor(private readonly dataSource: DataSource) {}

  async findCommunes(
    codes: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, CommuneView>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows: CommuneView[] = await manager.query(
      `SELECT ${COMMUNE_COLUMNS} FROM commune c WHERE c.code = ANY($1::varchar[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.code, r]));
  }

  async findCommune(code: string, manager?: EntityManager): Promise<CommuneView | null> {
    return (await this.findCommunes([code], manager)).get(code) ?? null;
  }

  /** Like findCommune, but an unknown code is the caller's error: 404 NOT_FOUND. */
  async getCommune(code: string, manager?: EntityManager): Promise<CommuneView> {
    const commune = await this.findCommune(code, manager);
    if (!commune) throw referentialsErrors.communeNotFound(code);
    return commune;
  }

  /**
   * Communes whose centroid lies within `radiusKm` of a point, nearest first. Served by the GiST index on
   * ll_to_earth(latitude, longitude): earth_box is a cube slightly larger than the sphere cap, hence the exact
   * earth_distance filter after it.
   */
  async communesNear(
    latitude: number,
    longitude: number,
    radiusKm: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NearbyCommuneView[]> {
    const metres = Math.min(Math.max(radiusKm, 0), MAX_RADIUS_KM) * 1000;
    const rows: (CommuneView & { distance_m: number })[] = await manager.query(
      `SELECT ${COMMUNE_COLUMNS}, earth_distance(ll_to_earth($1, $2), ll_to_earth(c.latitude, c.longitude)) AS distance_m
       FROM commune c
       WHERE earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(c.latitude, c.longitude)
         AND earth_distance(ll_to_earth($1, $2), ll_to_earth(c.latitude, c.longitude)) <= $3
       ORDER BY distance_m, c.code`,
      [latitude, longitude, metres],
    );
    return rows.map(({ distance_m, ...c }) => ({ ...c, distanceKm: Math.round(distance_m) / 1000 }));
  }

  async findFiches(codes: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, FicheView>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows: Record<string, string>[] = await manager.query(
      `SELECT f.code, f.label, d.code AS domain_code, d.label AS domain_label, g.code AS grand_code, g.label AS grand_label
       FROM rome_fiche f JOIN rome_domain d ON d.code = f.domain_code JOIN rome_grand_domain g ON g.code = d.grand_domain_code
       WHERE f.code = ANY($1::bpchar[])`,
      [unique],
    );
    return new Map(
      rows.map((r) => [
        r.code,
        {
          code: r.code,
          label: r.label,
          domain: { code: r.domain_code, label: r.domain_label },
          grandDomain: { code: r.grand_code, label: r.grand_label },
        },
      ]),
    );
  }

  async findFiche(code: string, manager?: EntityManager): Promise<FicheView | null> {
    return (await this.findFiches([code], manager)).get(code) ?? null;
  }

  async getFiche(code: string, manager?: EntityManager): Promise<FicheView> {
    const fiche = await this.findFiche(code, manager);
    if (!fiche) throw referentialsErrors.ficheNotFound(code);
    return fiche;
  }

  /** Appellations by OGR code, with their fiche and domain. */
  async findAppellations(
    codes: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, AppellationView>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows: Record<string, string>[] = await manager.query(
      `SELECT a.code, a.label, a.short_label, f.code AS fiche_code, f.label AS fiche_label, d.code AS domain_code, d.label AS domain_label
       FROM rome_appellation a JOIN rome_fiche f ON f.code = a.fiche_code JOIN rome_domain d ON d.code = f.domain_code
       WHERE a.code = ANY($1::varchar[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.code, toAppellationView(r)]));
  }

  async findAppellation(code: string, manager?: EntityManager): Promise<AppellationView | null> {
    return (await this.findAppellations([code], manager)).get(code) ?? null;
  }

  async countAppellations(ficheCode: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM rome_appellation WHERE fiche_code = $1`, [
      ficheCode,
    ]);
    return n;
  }

  /** "Métiers connexes" of a fiche, strongest first. */
  async relatedFiches(
    ficheCode: string,
    limit = 10,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RelatedFicheView[]> {
    const rows: { code: string; label: string; score: string }[] = await manager.query(
      `SELECT f.code, f.label, r.score FROM rome_related r JOIN rome_fiche f ON f.code = r.related_code
       WHERE r.fiche_code = $1 ORDER BY r.score DESC, f.code LIMIT $2`,
      [ficheCode, limit],
    );
    return rows.map((r) => ({ code: r.code, label: r.label, score: Number(r.score) }));
  }

  /**
   * Domain and grand domain of a ROME code: a fiche (`A1203`), a domain (`A12`) or a grand domain (`A`, domain null).
   * The ROME encodes the hierarchy in the code itself, so this needs no fiche row, only the domain labels.
   */
  async domainOf(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ domain: CodeLabel | null; grandDomain: CodeLabel } | null> {
    const upper = code.trim().toUpperCase();
    if (!/^[A-Z]([0-9]{2}([0-9]{2})?)?$/.test(upper)) return null;
    const rows: { code: string; label: string }[] = await manager.query(
      `SELECT code, label FROM rome_grand_domain WHERE code = $1`,
      [upper.slice(0, 1)],
    );
    if (rows.length === 0) return null;
    if (upper.length === 1) return { domain: null, grandDomain: rows[0] };
    const domains: { code: string; label: string }[] = await manager.query(
      `SELECT code, label FROM rome_domain WHERE code = $1`,
      [upper.slice(0, 3)],
    );
    return domains.length === 0 ? null : { domain: domains[0], grandDomain: rows[0] };
  }
}

export function toAppellationView(r: Record<string, string>): AppellationView {
  return {
    code: r.code,
    label: r.label,
    shortLabel: r.short_label,
    fiche: { code: r.fiche_code, label: r.fiche_label },
    domain: { code: r.domain_code, label: r.domain_label },
  };
}
