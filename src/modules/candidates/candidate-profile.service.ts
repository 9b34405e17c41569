import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { assertNotErased, lockWritableCandidate, viewerOf } from './candidate-access';
import { loadSharedProfiles, type SharedProfileView } from './candidate-views';
import { candidatesErrors } from './candidates.errors';
import type { PutProfileDto } from './dto/profile.dto';
import { CandidateProfile } from './entities/candidate-profile.entity';
import { CandidateSkill } from './entities/candidate-skill.entity';
import { CandidateSoftSkill } from './entities/candidate-soft-skill.entity';
import { CandidateTargetJob } from './entities/candidate-target-job.entity';
import type { Candidate } from './entities/candidate.entity';
import type { SharedTextField } from './shared-text/identity-in-text';
import { assertNoIdentityInSharedText } from './shared-text/shared-text-guard';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "Fatima B.": the default pseudonym, first name + initial of the last name. */
export function defaultPseudonym(firstName: string, lastName: string): string {
  const initial = lastName.trim().charAt(0).toUpperCase();
  return `${firstName.trim()}${initial ? ` ${initial}.` : ''}`.slice(0, 60);
}

/** A pseudonym must not give the last name away (a CIP typing "Fatima Benali" as alias): any part of it as a word. */
export function pseudonymRevealsLastName(pseudonym: string, lastName: string): boolean {
  const words = new Set(fold(pseudonym).split(' '));
  const parts = fold(lastName)
    .split(' ')
    .filter((p) => p.length >= 3);
  const whole = fold(lastName).replace(/ /g, '');
  return parts.some((p) => words.has(p)) || (whole.length >= 3 && words.has(whole));
}

/** Keeps the sharing flag of the profile and its search rows equal to "a collective consent is active". */
export async function syncSharingFlag(manager: EntityManager, candidateId: string): Promise<void> {
  await manager.query(
    `UPDATE candidate_profile p SET shared_with_collective = EXISTS (
        SELECT 1 FROM candidate_consent c WHERE c.candidate_id = p.candidate_id AND c.scope = 'collective' AND c.withdrawn_at IS NULL)
      WHERE p.candidate_id = $1`,
    [candidateId],
  );
  await manager.query(
    `UPDATE candidate_target_job tj SET shared_with_collective = p.shared_with_collective
       FROM candidate_profile p WHERE p.candidate_id = tj.candidate_id AND tj.candidate_id = $1`,
    [candidateId],
  );
}

/**
 * Keeps `candidate_profile.contract_end` equal to `candidate.contract_end` (the profile's copy is what the match lists
 * of other SIAE may read). Copies from the row itself, so it holds whatever the caller wrote; call it in the
 * transaction that wrote the identity row, after the write. No profile yet: nothing to do, `writeProfile` copies it.
 */
export async function syncContractEnd(manager: EntityManager, candidateId: string): Promise<void> {
  await manager.query(
    `UPDATE candidate_profile p SET contract_end = c.contract_end
       FROM candidate c WHERE c.id = p.candidate_id AND p.candidate_id = $1 AND p.contract_end IS DISTINCT FROM c.contract_end`,
    [candidateId],
  );
}

@Injectable()
export class CandidateProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Replaces the whole shared profile (target jobs, skills, soft skills) in one transaction. */
  async put(principal: Principal, candidateId: string, dto: PutProfileDto): Promise<SharedProfileView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const candidate = await lockWritableCandidate(manager, viewer, candidateId);
      assertNotErased(candidate);
      await writeProfile(manager, candidate, dto);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.profile.updated',
          subjectType: 'candidate',
          subjectId: candidate.id,
          context: { siaeId: candidate.siaeId },
        },
        manager,
      );
      const view = (await loadSharedProfiles(manager, viewer, [candidate.id])).get(candidate.id);
      if (!view) throw new Error('profile just written is not visible to its own SIAE');
      return view;
    });
  }
}

/** Every free text of the profile that partner SIAE (and, through matches, employers) read. */
export function sharedTextsOf(dto: Pick<PutProfileDto, 'timeConstraints' | 'skills'>): SharedTextField[] {
  return [
    { field: 'timeConstraints', label: 'contraintes horaires', text: dto.timeConstraints },
    ...(dto.skills ?? []).flatMap((s, i) => [
      { field: `skills[${i}].label`, label: 'compétence', text: s.label },
      { field: `skills[${i}].note`, label: 'note sur la compétence', text: s.note },
    ]),
  ];
}

/** The write itself, without access checks or audit: the service and the demo seed call it inside their transaction. */
export async function writeProfile(manager: EntityManager, candidate: Candidate, dto: PutProfileDto): Promise<void> {
  const pseudonym = dto.pseudonym?.trim() || defaultPseudonym(candidate.firstName, candidate.lastName);
  if (pseudonymRevealsLastName(pseudonym, candidate.lastName)) throw candidatesErrors.pseudonymRevealsIdentity();
  assertNoIdentityInSharedText(sharedTextsOf(dto), {
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthDate: candidate.birthDate,
    phone: candidate.phone,
    email: candidate.email,
    address: candidate.address,
    pseudonym,
  });

  const communes: Array<{ latitude: number; longitude: number }> = await manager.query(
    `SELECT latitude, longitude FROM commune WHERE code = $1`,
    [dto.communeCode],
  );
  if (communes.length === 0) throw candidatesErrors.unknownCommune(dto.communeCode);
  const { latitude, longitude } = communes[0];

  const ogrCodes = dto.targetJobs.map((j) => j.ogrCode);
  if (new Set(ogrCodes).size !== ogrCodes.length) throw candidatesErrors.duplicateTargetJob();
  const appellations: Array<{ code: string; fiche_code: string; domain_code: string }> = ogrCodes.length
    ? await manager.query(
        `SELECT a.code, a.fiche_code, f.domain_code FROM rome_appellation a JOIN rome_fiche f ON f.code = a.fiche_code WHERE a.code = ANY($1::varchar[])`,
        [ogrCodes],
      )
    : [];
  const known = new Map(appellations.map((a) => [a.code, a]));
  const unknown = ogrCodes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw candidatesErrors.unknownAppellations(unknown);

  const shared: Array<{ active: boolean }> = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM candidate_consent WHERE candidate_id = $1 AND scope = 'collective' AND withdrawn_at IS NULL) AS active`,
    [candidate.id],
  );
  const sharedWithCollective = shared[0].active;

  await manager.getRepository(CandidateProfile).save({
    candidateId: candidate.id,
    siaeId: candidate.siaeId,
    pseudonym,
    communeCode: dto.communeCode,
    latitude,
    longitude,
    mobilityRadiusKm: dto.mobilityRadiusKm,
    transportMeans: dto.transportMeans ?? [],
    drivingLicences: dto.drivingLicences ?? [],
    languages: (dto.languages ?? []).map((l) => ({ language: l.language, level: l.level })),
    frenchAsForeignLanguage: dto.frenchAsForeignLanguage ?? false,
    literacyDifficulty: dto.literacyDifficulty ?? false,
    availableFrom: dto.availableFrom ?? null,
    workTime: dto.workTime ?? null,
    timeConstraints: dto.timeConstraints?.trim() || null,
    // The caller holds the identity row (locked by the service): its contract end is the current one.
    contractEnd: candidate.contractEnd,
    sharedWithCollective,
  });
  await manager.delete(CandidateTargetJob, { candidateId: candidate.id });
  await manager.delete(CandidateSkill, { candidateId: candidate.id });
  await manager.delete(CandidateSoftSkill, { candidateId: candidate.id });
  if (dto.targetJobs.length > 0)
    await manager.insert(
      CandidateTargetJob,
      dto.targetJobs.map((j) => {
        const a = known.get(j.ogrCode)!;
        return {
          candidateId: candidate.id,
          ogrCode: j.ogrCode,
          ficheCode: a.fiche_code,
          domainCode: a.domain_code,
          experienceLevel: j.experienceLevel,
          siaeId: candidate.siaeId,
          latitude,
          longitude,
          sharedWithCollective,
        };
      }),
    );
  if (dto.skills?.length)
    await manager.insert(
      CandidateSkill,
      dto.skills.map((s) => ({
        candidateId: candidate.id,
        label: s.label.trim(),
        evidenceLevel: s.evidenceLevel,
        note: s.note?.trim() || null,
      })),
    );
  if (dto.softSkills?.length)
    await manager.insert(
      CandidateSoftSkill,
      dto.softSkills.map((softSkill) => ({ candidateId: candidate.id, softSkill })),
    );
}
