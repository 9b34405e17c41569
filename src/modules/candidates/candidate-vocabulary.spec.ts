import { getMetadataArgsStorage } from 'typeorm';
import {
  candidateStatuses,
  consentScopes,
  drivingLicences,
  evidenceLevels,
  experienceLevels,
  softSkillCodes,
  sqlList,
  transportMeans,
  workTimes,
} from './candidate-vocabulary';
import { defaultPseudonym, pseudonymRevealsLastName } from './candidate-profile.service';
import './entities/candidate.entity';
import './entities/candidate-consent.entity';
import './entities/candidate-profile.entity';
import './entities/candidate-skill.entity';
import './entities/candidate-soft-skill.entity';
import './entities/candidate-target-job.entity';

const check = (name: string) => getMetadataArgsStorage().checks.find((c) => c.name === name)?.expression ?? '';

describe('candidate vocabulary', () => {
  it('says the same thing as the CHECK constraints of the entities', () => {
    expect(check('CK_candidate_status')).toContain(`(${sqlList(candidateStatuses)})`);
    expect(check('CK_candidate_consent_scope')).toContain(`(${sqlList(consentScopes)})`);
    expect(check('CK_candidate_skill_evidence')).toContain(`(${sqlList(evidenceLevels)})`);
    expect(check('CK_candidate_target_job_experience')).toContain(`(${sqlList(experienceLevels)})`);
    expect(check('CK_candidate_soft_skill_code')).toContain(`(${sqlList(softSkillCodes)})`);
    expect(check('CK_candidate_profile_work_time')).toContain(`(${sqlList(workTimes)})`);
    expect(check('CK_candidate_profile_transport')).toContain(`ARRAY[${sqlList(transportMeans)}]`);
    expect(check('CK_candidate_profile_licences')).toContain(`ARRAY[${sqlList(drivingLicences)}]`);
  });
});

describe('pseudonyms', () => {
  it('defaults to first name + initial', () => {
    expect(defaultPseudonym('Fatoumata', 'Diallo-Vernier')).toBe('Fatoumata D.');
    expect(defaultPseudonym(' Éric ', 'élan')).toBe('Éric É.');
  });

  it('refuses an alias that gives the last name away, accents and case aside', () => {
    expect(pseudonymRevealsLastName('Fatou Diallo', 'Diallo-Vernier')).toBe(true);
    expect(pseudonymRevealsLastName('fatou VERNIER', 'Diallo-Vernier')).toBe(true);
    expect(pseudonymRevealsLastName('Momo Leveque', 'Lévêque')).toBe(true);
    expect(pseudonymRevealsLastName('Fatoumata D.', 'Diallo-Vernier')).toBe(false);
    expect(pseudonymRevealsLastName('Le Jardinier', 'Le')).toBe(false);
    expect(pseudonymRevealsLastName('PrénomAbc Nom', 'NomAbc')).toBe(false);
  });
});
