/**
 * Radius of the sphere PostgreSQL's earthdistance uses (`earth()` = 6378168 m). The SQL pre-filter keeps candidates
 * with `earth_distance(...) <= radius`; computing the engine's distance on the same sphere means the pre-filter and the
 * engine's hard limit agree on every boundary case (with the usual 6371 km the engine would see distances 0.1 % shorter).
 */
export const EARTH_RADIUS_KM = 6378.168;

/** Great-circle distance in km between two points given in degrees (haversine: stable for short distances). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Tolerance on a radius: SQL and the engine may compute the same great circle in a different order of float
 * operations (~1e-12 km apart). A millimetre settles a boundary case the same way everywhere.
 */
export const RADIUS_TOLERANCE_KM = 1e-6;

/** The engine's hard limit: is a point `km` away inside a radius? (Shared by the engine and the query service.) */
export const withinRadiusKm = (km: number, radiusKm: number): boolean => km <= radiusKm + RADIUS_TOLERANCE_KM;

/** Latitude/longitude rectangle; `minLon > maxLon` never happens (a box crossing the antimeridian spans every longitude). */
export interface LatLonBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/**
 * The smallest latitude/longitude rectangle holding every point within `km` of (lat, lon) on the engine's sphere, so
 * that a btree range scan can pre-filter exactly what `haversineKm(...) <= km` keeps (J. Matuschek's bounds: the widest
 * longitude is reached at asin(sin(r)/cos(lat)), not at the box's latitude edges). Widened by a relative 1e-9 so
 * rounding never drops a point on the circle; a circle reaching a pole or the antimeridian gets every longitude.
 */
export function boundingBox(lat: number, lon: number, km: number): LatLonBox {
  const deg = 180 / Math.PI;
  const r = Math.max(0, km) / EARTH_RADIUS_KM;
  const slack = 1e-9 + r * deg * 1e-9;
  const minLat = lat - r * deg - slack;
  const maxLat = lat + r * deg + slack;
  if (minLat <= -90 || maxLat >= 90)
    return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), minLon: -180, maxLon: 180 };
  const dLon = Math.asin(Math.min(1, Math.sin(r) / Math.cos(lat / deg))) * deg + slack;
  const minLon = lon - dLon;
  const maxLon = lon + dLon;
  if (minLon < -180 || maxLon > 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  return { minLat, maxLat, minLon, maxLon };
}
