import { EntityManager } from 'typeorm';
import { AuditEntry } from '../../../platform/audit/audit-entry.entity';
import { syncSharingFlag, writeProfile } from '../candidate-profile.service';
import type { PutProfileDto } from '../dto/profile.dto';
import { coveredCollectives } from '../candidate-consent.service';
import { CandidateConsent } from '../entities/candidate-consent.entity';
import { Candidate } from '../entities/candidate.entity';

export interface DemoCandidatesInput {
  siaeIds: string[];
  /** Referent CIP of each SIAE, in the order of `siaeIds` (reused cyclically if shorter; empty: no referent). */
  cipUserIds: string[];
  /** INSEE codes of communes of the territory (around Lyon), used in turn for the candidates' residence. */
  communeCodes: string[];
  /** Candidates per SIAE (default 5). */
  perSiae?: number;
}

export interface DemoCandidatesSummary {
  created: number;
  existing: number;
}

type Persona = Omit<PutProfileDto, 'communeCode'> & {
  firstName: string;
  lastName: string;
  birthDate: string;
  consent: boolean;
  status?: 'left' | 'hired_elsewhere';
};

const CONSENT_WORDING =
  "J'accepte que mon profil (prénom et initiale, métiers visés, compétences, commune, disponibilités, date de fin de mon contrat d'insertion — sans mon nom ni mes coordonnées) soit partagé avec les autres structures du collectif pour me proposer des offres et des job datings. Je peux retirer mon accord à tout moment auprès de ma ou mon CIP.";

/**
 * Fictitious people (names invented for the demo) with real ROME appellations: the jobs SIAE around Lyon actually
 * train for (propreté, espaces verts, restauration, logistique, BTP, commerce, aide à la personne, tri-recyclage).
 */
const personas: Persona[] = [
  {
    firstName: 'Fatoumata',
    lastName: 'Keïta',
    birthDate: '1988-03-14',
    consent: true,
    mobilityRadiusKm: 15,
    transportMeans: ['public_transport'],
    targetJobs: [
      { ogrCode: '10571', experienceLevel: 'experienced' },
      { ogrCode: '10687', experienceLevel: 'experienced' },
    ],
    skills: [
      { label: "Utilisation d'une autolaveuse", evidenceLevel: 'observed', note: 'Chantier propreté, 8 mois' },
      { label: 'Protocoles de bionettoyage', evidenceLevel: 'certified', note: 'CQP Agent machiniste classique' },
    ],
    softSkills: ['ponctualite', 'rigueur', 'autonomie'],
    languages: [
      { language: 'fr', level: 'B1' },
      { language: 'bm', level: 'native' },
    ],
    frenchAsForeignLanguage: true,
    workTime: 'part_time',
    timeConstraints: 'Pas avant 8 h 30 (enfants à déposer)',
  },
  {
    firstName: 'Kévin',
    lastName: 'Morel',
    birthDate: '1999-11-02',
    consent: true,
    mobilityRadiusKm: 30,
    transportMeans: ['car'],
    drivingLicences: ['B'],
    targetJobs: [
      { ogrCode: '16068', experienceLevel: 'beginner' },
      { ogrCode: '17480', experienceLevel: 'beginner' },
    ],
    skills: [
      { label: 'Taille de haies et débroussaillage', evidenceLevel: 'observed', note: 'Chantier espaces verts ACI' },
      { label: 'Conduite de tondeuse autoportée', evidenceLevel: 'declared' },
    ],
    softSkills: ['travail_en_equipe', 'capacite_de_rebond'],
    workTime: 'full_time',
  },
  {
    firstName: 'Samira',
    lastName: 'Bouzid',
    birthDate: '1979-06-21',
    consent: true,
    mobilityRadiusKm: 10,
    transportMeans: ['public_transport', 'walking'],
    targetJobs: [
      { ogrCode: '12756', experienceLevel: 'experienced' },
      { ogrCode: '14786', experienceLevel: 'confirmed' },
    ],
    skills: [
      { label: "Règles d'hygiène HACCP", evidenceLevel: 'certified', note: 'Formation HACCP 14 h' },
      {
        label: 'Préparation de plats froids en série',
        evidenceLevel: 'observed',
        note: 'Restaurant d’insertion, service du midi',
      },
    ],
    softSkills: ['rigueur', 'gestion_du_stress', 'travail_en_equipe'],
    workTime: 'full_time',
  },
  {
    firstName: 'Jean-Marc',
    lastName: 'Fabre',
    birthDate: '1966-09-30',
    consent: false,
    mobilityRadiusKm: 20,
    transportMeans: ['car'],
    drivingLicences: ['B', 'C'],
    targetJobs: [
      { ogrCode: '16250', experienceLevel: 'confirmed' },
      { ogrCode: '17441', experienceLevel: 'confirmed' },
    ],
    skills: [
      { label: 'Montage de murs en parpaings', evidenceLevel: 'observed', note: 'Chantier rénovation, 6 mois' },
      { label: 'Lecture de plans simples', evidenceLevel: 'declared' },
    ],
    softSkills: ['perseverance', 'autonomie'],
    workTime: 'full_time',
  },
  {
    firstName: 'Aminata',
    lastName: 'Diop',
    birthDate: '1993-01-17',
    consent: true,
    mobilityRadiusKm: 12,
    transportMeans: ['public_transport'],
    targetJobs: [{ ogrCode: '10816', experienceLevel: 'beginner' }],
    skills: [
      { label: 'Aide au repas et à la toilette', evidenceLevel: 'observed', note: 'PMSMP de 2 semaines en EHPAD' },
    ],
    softSkills: ['relation_client', 'adaptabilite', 'communication'],
    languages: [
      { language: 'fr', level: 'C1' },
      { language: 'wo', level: 'native' },
    ],
    workTime: 'either',
  },
  {
    firstName: 'Dylan',
    lastName: 'Perrin',
    birthDate: '2002-05-08',
    consent: true,
    mobilityRadiusKm: 25,
    transportMeans: ['motorbike'],
    drivingLicences: ['A2'],
    targetJobs: [
      { ogrCode: '10405', experienceLevel: 'beginner' },
      { ogrCode: '14769', experienceLevel: 'beginner' },
    ],
    skills: [
      { label: 'Conditionnement et étiquetage', evidenceLevel: 'observed', note: 'Atelier conditionnement EI' },
      { label: 'Cariste catégorie 1', evidenceLevel: 'declared' },
    ],
    softSkills: ['ponctualite', 'respect_des_consignes'],
    workTime: 'full_time',
    timeConstraints: 'Disponible en 2×8',
  },
  {
    firstName: 'Nadia',
    lastName: 'Haddad',
    birthDate: '1984-12-03',
    consent: true,
    mobilityRadiusKm: 8,
    transportMeans: ['public_transport'],
    targetJobs: [
      { ogrCode: '20576', experienceLevel: 'experienced' },
      { ogrCode: '14811', experienceLevel: 'experienced' },
    ],
    skills: [
      {
        label: 'Mise en rayon et rotation des produits frais',
        evidenceLevel: 'observed',
        note: 'Épicerie solidaire, 1 an',
      },
      { label: 'Tenue de caisse', evidenceLevel: 'declared' },
    ],
    softSkills: ['relation_client', 'sens_de_l_organisation'],
    literacyDifficulty: true,
    workTime: 'part_time',
    timeConstraints: 'Pas le mercredi',
  },
  {
    firstName: 'Ousmane',
    lastName: 'Traoré',
    birthDate: '1990-07-25',
    consent: true,
    mobilityRadiusKm: 20,
    transportMeans: ['bicycle', 'public_transport'],
    targetJobs: [
      { ogrCode: '20451', experienceLevel: 'experienced' },
      { ogrCode: '10729', experienceLevel: 'beginner' },
    ],
    skills: [
      {
        label: 'Tri des déchets et des matières recyclables',
        evidenceLevel: 'observed',
        note: 'Ressourcerie, 10 mois',
      },
      { label: 'Démantèlement de petits appareils électriques', evidenceLevel: 'observed', note: 'Atelier D3E' },
    ],
    softSkills: ['perseverance', 'capacite_de_rebond', 'travail_en_equipe'],
    languages: [
      { language: 'fr', level: 'A2' },
      { language: 'en', level: 'B1' },
    ],
    frenchAsForeignLanguage: true,
    workTime: 'full_time',
  },
  {
    firstName: 'Sylvie',
    lastName: 'Garnier',
    birthDate: '1971-02-11',
    consent: false,
    mobilityRadiusKm: 10,
    transportMeans: ['car'],
    drivingLicences: ['B'],
    targetJobs: [{ ogrCode: '10688', experienceLevel: 'confirmed' }],
    skills: [
      {
        label: 'Entretien de bureaux et parties communes',
        evidenceLevel: 'observed',
        note: 'Mises à disposition AI, 2 ans',
      },
    ],
    softSkills: ['assiduite', 'autonomie'],
    workTime: 'part_time',
    status: 'hired_elsewhere',
  },
  {
    firstName: 'Yacine',
    lastName: 'Benali',
    birthDate: '1997-08-19',
    consent: true,
    mobilityRadiusKm: 15,
    transportMeans: ['public_transport'],
    targetJobs: [
      { ogrCode: '10594', experienceLevel: 'beginner' },
      { ogrCode: '12762', experienceLevel: 'beginner' },
    ],
    skills: [
      { label: 'Service en salle et encaissement', evidenceLevel: 'observed', note: 'Restaurant d’application' },
    ],
    softSkills: ['relation_client', 'adaptabilite', 'prise_d_initiative'],
    workTime: 'either',
    timeConstraints: 'Week-ends possibles',
  },
  {
    firstName: 'Marie-Claire',
    lastName: 'Lemoine',
    birthDate: '1975-04-29',
    consent: true,
    mobilityRadiusKm: 18,
    transportMeans: ['car', 'carpool'],
    drivingLicences: ['B'],
    targetJobs: [{ ogrCode: '13861', experienceLevel: 'experienced' }],
    skills: [
      { label: 'Cuisine de collectivité (100 couverts)', evidenceLevel: 'observed', note: 'Cuisine centrale ACI' },
      { label: 'CAP Cuisine', evidenceLevel: 'certified' },
    ],
    softSkills: ['rigueur', 'sens_de_l_organisation'],
    workTime: 'full_time',
  },
  {
    firstName: 'Bilal',
    lastName: 'Chérif',
    birthDate: '2000-10-10',
    consent: true,
    mobilityRadiusKm: 30,
    transportMeans: ['public_transport'],
    targetJobs: [
      { ogrCode: '16254', experienceLevel: 'beginner' },
      { ogrCode: '38437', experienceLevel: 'beginner' },
    ],
    skills: [{ label: 'Préparation de mortier et gâchage', evidenceLevel: 'observed', note: 'Chantier patrimoine' }],
    softSkills: ['curiosite', 'travail_en_equipe'],
    workTime: 'full_time',
  },
];

const dateOffset = (base: string, days: number) =>
  new Date(Date.parse(base) + days * 86_400_000).toISOString().slice(0, 10);
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.');

/**
 * Realistic demo candidates for the demo territory; running it again creates nothing new (natural key: SIAE + e-mail).
 * Called by the demo seed command inside its transaction. Names are invented; jobs and communes are real.
 */
export async function seedDemoCandidates(
  manager: EntityManager,
  input: DemoCandidatesInput,
): Promise<DemoCandidatesSummary> {
  const perSiae = input.perSiae ?? 5;
  if (input.communeCodes.length === 0) throw new Error('seedDemoCandidates: communeCodes est vide');
  let created = 0;
  let existing = 0;
  let n = 0;
  for (const [s, siaeId] of input.siaeIds.entries()) {
    const referent = input.cipUserIds.length ? input.cipUserIds[s % input.cipUserIds.length] : null;
    for (let k = 0; k < perSiae; k++, n++) {
      const persona = personas[n % personas.length];
      const round = Math.floor(n / personas.length);
      const email = `${fold(persona.firstName)}.${fold(persona.lastName)}${round ? `.${round}` : ''}@exemple.fr`;
      if (await manager.existsBy(Candidate, { siaeId, email })) {
        existing++;
        continue;
      }
      const contractStart = dateOffset('2025-09-01', (n * 37) % 300);
      const leftAt = persona.status ? dateOffset(contractStart, 240) : null;
      const candidate = await manager.save(
        manager.create(Candidate, {
          siaeId,
          referentUserId: referent,
          firstName: persona.firstName,
          lastName: persona.lastName,
          birthDate: persona.birthDate,
          phone: `06 ${String(10 + (n % 90))} ${String(20 + ((n * 7) % 80))} ${String(30 + ((n * 13) % 70))} ${String(40 + ((n * 3) % 60))}`,
          email,
          address: `${1 + (n % 60)} rue de la Démo`,
          contractStart,
          contractEnd: dateOffset(contractStart, 730),
          status: persona.status ?? 'in_parcours',
          leftAt,
          createdByUserId: referent,
        }),
      );
      const { firstName: _f, lastName: _l, birthDate: _b, consent, status: _s, ...profile } = persona;
      await writeProfile(manager, candidate, {
        ...profile,
        communeCode: input.communeCodes[n % input.communeCodes.length],
        availableFrom: dateOffset(contractStart, 600),
      });
      if (consent) {
        await manager.save(
          manager.create(CandidateConsent, {
            candidateId: candidate.id,
            scope: 'collective',
            givenAt: new Date(`${contractStart}T10:00:00Z`),
            recordedByUserId: referent,
            wording: CONSENT_WORDING,
            documentRef: 'Formulaire de consentement v1 (démo)',
            collectiveIds: await coveredCollectives(manager, siaeId, undefined),
          }),
        );
        await syncSharingFlag(manager, candidate.id);
      }
      await manager.insert(AuditEntry, {
        actorUserId: null,
        actorLabel: 'données de démonstration',
        action: 'candidate.created',
        subjectType: 'candidate',
        subjectId: candidate.id,
        context: { siaeId },
        requestId: null,
      });
      created++;
    }
  }
  return { created, existing };
}
