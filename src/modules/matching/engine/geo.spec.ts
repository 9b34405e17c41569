import fc from 'fast-check';
import { boundingBox, haversineKm, withinRadiusKm } from './geo';

describe('boundingBox', () => {
  it('holds every point the radius keeps (points on and near the circle, any latitude of mainland France and overseas)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lat, lon, km, bearing, fraction) => {
          // A point at `fraction` of the radius along `bearing` (direct geodesic problem on the sphere).
          const r = (km * fraction) / 6378.168;
          const φ1 = (lat * Math.PI) / 180;
          const φ2 = Math.asin(Math.sin(φ1) * Math.cos(r) + Math.cos(φ1) * Math.sin(r) * Math.cos(bearing));
          const λ2 =
            (lon * Math.PI) / 180 +
            Math.atan2(Math.sin(bearing) * Math.sin(r) * Math.cos(φ1), Math.cos(r) - Math.sin(φ1) * Math.sin(φ2));
          const p = { lat: (φ2 * 180) / Math.PI, lon: (λ2 * 180) / Math.PI };
          if (!withinRadiusKm(haversineKm(lat, lon, p.lat, p.lon), km)) return;
          const box = boundingBox(lat, lon, km);
          expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
          expect(p.lat).toBeLessThanOrEqual(box.maxLat);
          expect(p.lon).toBeGreaterThanOrEqual(box.minLon);
          expect(p.lon).toBeLessThanOrEqual(box.maxLon);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('is tight: the widest longitude of the circle touches the box (not the latitude edges)', () => {
    const box = boundingBox(45.758, 4.835, 30);
    expect(box.maxLat - 45.758).toBeCloseTo((30 / 6378.168) * (180 / Math.PI), 7);
    // The box is wider in longitude than in latitude at 45°N, by about 1/cos(45.758°).
    expect((box.maxLon - 4.835) / (box.maxLat - 45.758)).toBeCloseTo(1 / Math.cos((45.758 * Math.PI) / 180), 3);
    // A point just outside the box edge is beyond the radius.
    expect(haversineKm(45.758, 4.835, 45.758, box.maxLon + 0.001)).toBeGreaterThan(30);
  });

  it('spans every longitude when the circle reaches a pole or the antimeridian', () => {
    expect(boundingBox(89.9, 10, 50)).toMatchObject({ minLon: -180, maxLon: 180, maxLat: 90 });
    expect(boundingBox(-17.5, 179.9, 50)).toMatchObject({ minLon: -180, maxLon: 180 });
  });
});
