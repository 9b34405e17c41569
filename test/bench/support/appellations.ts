import type { EntityManager } from 'typeorm';

/** Appellations (OGR) an SIAE's candidates often aim at, most common first (Zipf weights 1/rank). */
export const COMMON_APPELLATIONS = [
  '10571',
  '10687',
  '12756',
  '16068',
  '10405',
  '14769',
  '17480',
  '16250',
  '10688',
  '10594',
  '14786',
  '20576',
  '10816',
  '13861',
  '17441',
  '10686',
  '12757',
  '20525',
  '14811',
  '17515',
  '10573',
  '10575',
  '38437',
  '16069',
  '12439',
  '10729',
  '17180',
  '20451',
  '14778',
  '38116',
  '16257',
  '14760',
  '12762',
  '10730',
  '10453',
  '20461',
  '16254',
  '10537',
  '14759',
  '17072',
];

/** Zipf weights (1/rank) of COMMON_APPELLATIONS, and their sum. */
export const appellationWeights = COMMON_APPELLATIONS.map((_, i) => 1 / (i + 1));
export const appellationWeightSum = appellationWeights.reduce((a, b) => a + b, 0);

/**
 * Temporary table `b_apps(code, fiche_code, domain_code, lo, hi)`: intervals of the unit line for drawing an appellation
 * with `random()` in SQL — 85 % over the common list (Zipf), 15 % uniformly over the whole referential.
 */
export async function createAppellationDrawTable(m: EntityManager): Promise<void> {
  await m.query(
    `CREATE TEMP TABLE b_apps (code varchar, fiche_code char(5), domain_code char(3), lo float8, hi float8) ON COMMIT DROP`,
  );
  let lo = 0;
  for (let i = 0; i < COMMON_APPELLATIONS.length; i++) {
    const hi = lo + (0.85 * appellationWeights[i]) / appellationWeightSum;
    await m.query(
      `INSERT INTO b_apps SELECT a.code, a.fiche_code, f.domain_code, $2, $3 FROM rome_appellation a JOIN rome_fiche f ON f.code = a.fiche_code WHERE a.code = $1`,
      [COMMON_APPELLATIONS[i], lo, hi],
    );
    lo = hi;
  }
  await m.query(`INSERT INTO b_apps SELECT a.code, a.fiche_code, f.domain_code,
      0.85 + 0.15 * (row_number() OVER (ORDER BY a.code) - 1) / count(*) OVER (), 0.85 + 0.15 * row_number() OVER (ORDER BY a.code) / count(*) OVER ()
    FROM rome_appellation a JOIN rome_fiche f ON f.code = a.fiche_code`);
  await m.query(`UPDATE b_apps SET hi = 1.0000001 WHERE hi = (SELECT max(hi) FROM b_apps)`);
}
