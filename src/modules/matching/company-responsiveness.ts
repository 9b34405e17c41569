/**
 * Companies that never answer the proposals sent to them (issue 14 §5): they rank after the others in a candidate's
 * pooled companies list, and the list says why. The rule is read from the `proposal` table (written by the proposals
 * module, which also shows it in the coordinator's figures): at least NEVER_ANSWERS_MIN_DUE proposals that waited
 * ANSWER_DUE_DAYS or more (or were answered), none answered. A proposal withdrawn before any answer does not count.
 */
export const ANSWER_DUE_DAYS = 14;
export const NEVER_ANSWERS_MIN_DUE = 2;

/** Rows `{ pooled_company_id, due }` for the companies of $ids (uuid[]) that never answer, as of $now (timestamptz). */
export function neverAnsweringSql(idsParam: string, nowParam: string): string {
  return `SELECT p.pooled_company_id, count(*)::int AS due
       FROM proposal p
      WHERE p.pooled_company_id = ANY(${idsParam}::uuid[])
        AND NOT (p.status = 'withdrawn' AND p.answered_at IS NULL)
        AND (p.answered_at IS NOT NULL OR p.sent_at <= ${nowParam}::timestamptz - interval '${ANSWER_DUE_DAYS} days')
      GROUP BY p.pooled_company_id
     HAVING count(*) FILTER (WHERE p.answered_at IS NOT NULL) = 0 AND count(*) >= ${NEVER_ANSWERS_MIN_DUE}`;
}

export function neverAnswersReason(due: number): string {
  return `Classée plus bas : cette entreprise n’a répondu à aucune des ${due} propositions de candidature qui lui ont été faites.`;
}

/**
 * Companies that never answer go after the others, each group keeping its order (the best score first): a silent
 * company is still listed, it just stops taking the places of companies that answer.
 */
export function demoteNeverAnswering<T extends { row: { pooledCompanyId: string } }>(
  companies: readonly T[],
  silent: ReadonlyMap<string, number>,
): T[] {
  return [
    ...companies.filter((c) => !silent.has(c.row.pooledCompanyId)),
    ...companies.filter((c) => silent.has(c.row.pooledCompanyId)),
  ];
}
