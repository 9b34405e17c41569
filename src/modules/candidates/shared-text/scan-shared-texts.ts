import type { EntityManager } from 'typeorm';
import { identityFindings, type IdentityKind, type SharedTextField } from './identity-in-text';

export interface StoredTextFinding {
  candidateId: string;
  siaeId: string;
  /** `timeConstraints`, `skills[<skill id>].note`…: where to look, never the text itself. */
  field: string;
  kind: IdentityKind;
}

const BATCH = 500;

/**
 * The one-off check of what was stored before the rule existed: every shared free text of every profile, against its
 * candidate's identity. REPORTS, never changes a row: only the candidate's SIAE may reword what its CIP wrote, and a
 * finding may be a false positive. The report holds ids, field names and kinds — no text, no identity.
 */
export async function scanSharedTexts(manager: EntityManager): Promise<StoredTextFinding[]> {
  const findings: StoredTextFinding[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{
      id: string;
      siae_id: string;
      first_name: string;
      last_name: string;
      birth_date: string | null;
      phone: string | null;
      email: string | null;
      address: string | null;
      pseudonym: string;
      time_constraints: string | null;
      skills: Array<{ id: string; label: string; note: string | null }>;
    }> = await manager.query(
      `SELECT c.id, c.siae_id, c.first_name, c.last_name, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.phone,
              c.email, c.address, p.pseudonym, p.time_constraints,
              coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'label', s.label, 'note', s.note) ORDER BY s.id)
                          FROM candidate_skill s WHERE s.candidate_id = c.id), '[]'::jsonb) AS skills
         FROM candidate c JOIN candidate_profile p ON p.candidate_id = c.id
        WHERE c.id > $1 AND c.erased_at IS NULL
        ORDER BY c.id LIMIT $2`,
      [after, BATCH],
    );
    for (const r of rows) {
      const fields: SharedTextField[] = [
        { field: 'timeConstraints', label: 'contraintes horaires', text: r.time_constraints },
        ...r.skills.flatMap((s) => [
          { field: `skills[${s.id}].label`, label: 'compétence', text: s.label },
          { field: `skills[${s.id}].note`, label: 'note sur la compétence', text: s.note },
        ]),
      ];
      const identity = {
        firstName: r.first_name,
        lastName: r.last_name,
        birthDate: r.birth_date,
        phone: r.phone,
        email: r.email,
        address: r.address,
        pseudonym: r.pseudonym,
      };
      for (const f of identityFindings(fields, identity))
        findings.push({ candidateId: r.id, siaeId: r.siae_id, field: f.field, kind: f.kind });
    }
    if (rows.length < BATCH) return findings;
    after = rows[rows.length - 1].id;
  }
}
