import { randomBytes } from 'node:crypto';
import type { User } from '../../src/platform/auth/user.entity';
import type { CollectiveMembershipStatus } from '../../src/modules/structures/entities/collective-membership.entity';
import type { Fixtures } from './fixtures';
import type { TestApp } from './test-app';

export const CONSENT_WORDING =
  "J'accepte que mon profil (sans mon nom ni mes coordonnées) soit partagé avec les autres structures du collectif pour me proposer des offres.";

/** Real ROME appellations (OGR codes) and communes around Lyon, as in the shipped referentials. */
export const rome = {
  agentPropreteLocaux: '10571', // K2204 Agent / Agente de propreté de locaux
  agentEntretienBureaux: '10687', // K2204
  commisCuisine: '12756', // G1602 Commis / Commise de cuisine
  jardinierEspacesVerts: '16068', // A1203
  macon: '16250', // F1703
  agentConditionnement: '10405', // H3302
};
export const communes = {
  lyon: '69123',
  villeurbanne: '69266',
  venissieux: '69259',
  villefranche: '69264',
  paris: '75056',
};

export interface NewCandidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

/** Builders for candidates, going through the real API (validation, access rules, audit) with a CIP's token. */
export class CandidateFixtures {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly t: TestApp,
    private readonly f: Fixtures,
  ) {}

  token(user: User): Promise<string> {
    let token = this.tokens.get(user.id);
    if (!token) {
      token = this.f.tokenFor(user);
      this.tokens.set(user.id, token);
    }
    return token;
  }

  async membership(collectiveId: string, siaeId: string, status: CollectiveMembershipStatus = 'active'): Promise<void> {
    await this.t.dataSource.query(
      `INSERT INTO collective_membership (collective_id, siae_id, status, joined_at, left_at) VALUES ($1, $2, $3::varchar, CASE WHEN $3::varchar IN ('active', 'left') THEN now() END, CASE WHEN $3::varchar = 'left' THEN now() END)`,
      [collectiveId, siaeId, status],
    );
  }

  async newCandidate(
    cip: User,
    siaeId: string,
    options: { identity?: Record<string, unknown>; profile?: Record<string, unknown> | null; consent?: boolean } = {},
  ): Promise<NewCandidate> {
    const tag = randomBytes(3).toString('hex');
    const identity = {
      firstName: `Prénom${tag}`,
      lastName: `Nom${tag}`,
      email: `candidat-${tag}@exemple.fr`,
      phone: `06 ${String(10_000_000 + Math.floor(Math.random() * 89_999_999)).replace(/(\d{2})(?=\d)/g, '$1 ')}`,
      birthDate: '1990-04-12',
      address: '12 rue des Tests, 69100 Villeurbanne',
      ...options.identity,
    };
    const token = await this.token(cip);
    const created = await this.t
      .http()
      .post('/api/candidates')
      .set('authorization', `Bearer ${token}`)
      .send({ siaeId, ...identity });
    if (created.status !== 201) throw new Error(`create candidate: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id as string;
    if (options.profile !== null) {
      const profile = {
        communeCode: communes.villeurbanne,
        mobilityRadiusKm: 15,
        transportMeans: ['public_transport'],
        targetJobs: [{ ogrCode: rome.agentPropreteLocaux, experienceLevel: 'experienced' }],
        skills: [
          {
            label: 'Utilisation d’une autolaveuse',
            evidenceLevel: 'observed',
            note: 'Observé sur le chantier de nettoyage',
          },
        ],
        softSkills: ['ponctualite', 'travail_en_equipe'],
        ...options.profile,
      };
      const put = await this.t
        .http()
        .put(`/api/candidates/${id}/profile`)
        .set('authorization', `Bearer ${token}`)
        .send(profile);
      if (put.status !== 200) throw new Error(`put profile: ${put.status} ${JSON.stringify(put.body)}`);
    }
    if (options.consent) await this.consent(cip, id);
    return {
      id,
      firstName: identity.firstName as string,
      lastName: identity.lastName as string,
      email: identity.email as string,
      phone: identity.phone as string,
    };
  }

  async consent(cip: User, candidateId: string, scope: 'collective' | 'employers' = 'collective'): Promise<string> {
    const res = await this.t
      .http()
      .post(`/api/candidates/${candidateId}/consents`)
      .set('authorization', `Bearer ${await this.token(cip)}`)
      .send({ scope, wording: CONSENT_WORDING, documentRef: 'formulaire v1' });
    if (res.status !== 201) throw new Error(`consent: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }
}
