import { memberCollectiveIdsSql } from '../../../src/modules/structures/access';
import type { EntityManager } from 'typeorm';

/**
 * What every bench candidate has beside its identity and profile, from the temp table `b_place` (id, g, siae_id,
 * consent, jobs, latitude, longitude) and the appellation draw table `b_apps` (see appellations.ts): the collective
 * consent of those who gave it, 1–3 target jobs drawn from the table (one row per distinct appellation:
 * UQ_candidate_target_job), two skills with their evidence and two soft skills.
 */
export async function seedBenchCandidateDetails(m: EntityManager, skillNote: string | null): Promise<void> {
  // The consent covers the collectives of the candidate's SIAE as they stand (the consent service's default).
  await m.query(`INSERT INTO candidate_consent (candidate_id, scope, given_at, wording, collective_ids)
    SELECT id, 'collective', now() - interval '30 days', 'Consentement au partage avec le collectif (bench).',
           coalesce((${memberCollectiveIdsSql('ARRAY[b_place.siae_id]', 'array_agg(m.collective_id)')}), '{}')
      FROM b_place WHERE consent`);
  await m.query(`INSERT INTO candidate_target_job (candidate_id, ogr_code, fiche_code, domain_code, experience_level, siae_id, latitude, longitude, shared_with_collective)
    SELECT DISTINCT ON (p.id, a.code) p.id, a.code, a.fiche_code, a.domain_code, (ARRAY['none', 'beginner', 'experienced', 'confirmed'])[1 + (p.g + k) % 4],
           p.siae_id, p.latitude, p.longitude, p.consent
      FROM b_place p CROSS JOIN LATERAL generate_series(1, p.jobs) k
      CROSS JOIN LATERAL (SELECT random() + 0 * k AS u) r
      JOIN b_apps a ON r.u >= a.lo AND r.u < a.hi`);
  await m.query(
    `INSERT INTO candidate_skill (candidate_id, label, evidence_level, note)
    SELECT id, (ARRAY['Utilisation d''une autolaveuse', 'Port de charges', 'Respect des règles d''hygiène', 'Tri des déchets', 'Préparation de commandes', 'Accueil du public'])[1 + (g + k) % 6],
           (ARRAY['declared', 'observed', 'certified'])[1 + (g * k) % 3], CASE WHEN k = 1 THEN $1::varchar END
      FROM b_place CROSS JOIN generate_series(1, 2) k`,
    [skillNote],
  );
  await m.query(`INSERT INTO candidate_soft_skill (candidate_id, soft_skill)
    SELECT id, (ARRAY['ponctualite', 'travail_en_equipe', 'adaptabilite', 'capacite_de_rebond', 'autonomie', 'rigueur'])[1 + (g + 2 * k) % 6] FROM b_place CROSS JOIN generate_series(1, 2) k`);
}
