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
