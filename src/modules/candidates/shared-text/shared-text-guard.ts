import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { candidatesErrors } from '../candidates.errors';
import {
  type CandidateIdentity,
  identityFindings,
  type IdentityFinding,
  type SharedTextField,
} from './identity-in-text';

/** Throws SHARED_TEXT_REVEALS_IDENTITY (400), naming every field that gives the person's identity away. */
export function assertNoIdentityInSharedText(fields: SharedTextField[], identity: CandidateIdentity): void {
  const findings: IdentityFinding[] = identityFindings(fields, identity);
  if (findings.length > 0) throw candidatesErrors.sharedTextRevealsIdentity(findings);
}

/** The identity the check compares with: read from the candidate's own row, never sent anywhere. */
export async function loadCandidateIdentity(manager: EntityManager, candidateId: string): Promise<CandidateIdentity> {
  const rows: Array<{
    first_name: string;
    last_name: string;
    birth_date: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    pseudonym: string | null;
  }> = await manager.query(
    `SELECT c.first_name, c.last_name, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.phone, c.email, c.address,
            p.pseudonym
       FROM candidate c LEFT JOIN candidate_profile p ON p.candidate_id = c.id
      WHERE c.id = $1`,
    [candidateId],
  );
  const r = rows[0];
  if (!r) throw candidatesErrors.candidateNotFound();
  return {
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    phone: r.phone,
    email: r.email,
    address: r.address,
    pseudonym: r.pseudonym,
  };
}

/**
 * For the modules whose free text about a candidate reaches partners or employers (events, proposals): check it
 * against that candidate's identity, in the caller's transaction. The caller has already decided that its viewer may
 * write about this candidate; the identity read here stays in this function (no audit entry: nothing is shown).
 */
@Injectable()
export class SharedTextGuard {
  constructor(private readonly dataSource: DataSource) {}

  async assertClean(candidateId: string, fields: SharedTextField[], manager?: EntityManager): Promise<void> {
    if (!fields.some((f) => f.text?.trim())) return;
    const identity = await loadCandidateIdentity(manager ?? this.dataSource.manager, candidateId);
    assertNoIdentityInSharedText(fields, identity);
  }
}
