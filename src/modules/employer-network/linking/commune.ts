/**
 * Paris, Lyon and Marseille are one commune each (75056, 69123, 13055) split into arrondissements with their own
 * INSEE codes; an SIAE writes either. The "city" of a record is the parent commune.
 */
export function cityOf(insee: string | null | undefined): string | null {
  if (!insee) return null;
  const code = insee.trim().toUpperCase();
  if (!/^[0-9][0-9AB][0-9]{3}$/.test(code)) return null;
  if (/^751(0[1-9]|1[0-9]|20)$/.test(code)) return '75056';
  if (/^6938[1-9]$/.test(code)) return '69123';
  if (/^132(0[1-9]|1[0-6])$/.test(code)) return '13055';
  return code;
}

/** Paris, Lyon, Marseille: cities as big as a whole area, where a name's sites are often several. */
export function hasArrondissements(city: string): boolean {
  return city === '75056' || city === '69123' || city === '13055';
}

export function isArrondissement(insee: string): boolean {
  return cityOf(insee) !== insee;
}

export interface LatLon {
  lat: number;
  lon: number;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
