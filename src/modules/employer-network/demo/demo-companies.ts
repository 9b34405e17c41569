/**
 * The demo territory's company networks: what the chargé·es de développement of four SIAE know, with the same
 * companies known under other spellings by two or three of them (so that the pooling job has something to merge), their
 * open hiring needs on the trades of the demo candidates, and one company kept private. Fictitious companies, real
 * communes, SIRETs valid by Luhn but fictitious. Idempotent: a company is found again by (SIAE, name).
 */
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../../platform/queue/outbox.service';
import { Company, CompanyContact, CompanyShare, HiringNeed } from '../entities';
import type { Accommodation, ContractType, SizeBand } from '../employer-network-vocabulary';
import { normaliseEmail, toE164 } from '../linking/phone';
import { PoolingRequests } from '../pooling-requests.service';

interface DemoNeed {
  appellationCode: string;
  positions: number;
  contractType: ContractType;
  weeklyHours: number;
  placeCommuneCode: string;
  accommodations: Accommodation[];
  status?: 'open' | 'filled';
}

interface DemoCompany {
  /** SIAE slug (see src/cli/demo/territory.ts) that entered the record. */
  owner: string;
  name: string;
  siret: string | null;
  naf: string | null;
  sizeBand: SizeBand | null;
  communeCode: string;
  address: string | null;
  /** Shared with the demo collective: false = kept by its SIAE; 'contacts' = with its contacts. */
  shared: false | true | 'contacts';
  contacts: Array<{ firstName: string; lastName: string; role: string; email: string | null; phone: string | null }>;
  needs: DemoNeed[];
}

const RH_PROPRETE = {
  firstName: 'Claire',
  lastName: 'Vidal',
  role: 'Responsable RH',
  email: 'c.vidal@proprete-rhone.example',
  phone: '04 78 00 11 22',
};

export const demoCompanies: DemoCompany[] = [
  {
    owner: 'inser-rhone',
    name: 'Propreté Rhône Services SAS',
    siret: '90100001000016',
    naf: '81.21Z',
    sizeBand: 'medium',
    communeCode: '69123',
    address: '14 rue Garibaldi, 69003 Lyon',
    shared: 'contacts',
    contacts: [RH_PROPRETE],
    needs: [
      {
        appellationCode: '10571',
        positions: 3,
        contractType: 'cdd',
        weeklyHours: 24,
        placeCommuneCode: '69123',
        accommodations: ['beginner_french', 'no_driving_licence', 'part_time'],
      },
    ],
  },
  {
    owner: 'ai-services-est',
    name: 'PROPRETE RHONE SERVICES',
    siret: '90100001000016',
    naf: '8121Z',
    sizeBand: 'medium',
    communeCode: '69123',
    address: null,
    shared: 'contacts',
    contacts: [{ ...RH_PROPRETE, phone: '+33 4 78 00 11 22' }],
    needs: [],
  },
  {
    owner: 'etti-interim',
    name: 'Propreté Rhône Sces',
    siret: null,
    naf: null,
    sizeBand: null,
    communeCode: '69123',
    address: null,
    shared: true,
    contacts: [
      { firstName: 'Hugo', lastName: 'Marchand', role: "Chef d'équipe", email: null, phone: '06 12 34 56 78' },
    ],
    needs: [],
  },
  {
    owner: 'inser-rhone',
    name: 'Les Jardins du Grand Parc',
    siret: '90100002000015',
    naf: '81.30Z',
    sizeBand: 'small',
    communeCode: '69266',
    address: 'Allée du Grand Parc, 69100 Villeurbanne',
    shared: 'contacts',
    contacts: [
      {
        firstName: 'Bruno',
        lastName: 'Lefèvre',
        role: 'Gérant',
        email: 'bruno@jardins-grandparc.example',
        phone: '04 72 00 33 44',
      },
    ],
    needs: [
      {
        appellationCode: '16068',
        positions: 2,
        contractType: 'cdd',
        weeklyHours: 35,
        placeCommuneCode: '69266',
        accommodations: ['no_experience'],
      },
    ],
  },
  {
    owner: 'ai-services-est',
    name: 'Jardins du Grand-Parc (paysagiste)',
    siret: null,
    naf: null,
    sizeBand: 'small',
    communeCode: '69266',
    address: null,
    shared: true,
    contacts: [],
    needs: [],
  },
  {
    owner: 'etti-interim',
    name: 'Le Bouchon des Canuts',
    siret: '90100003000014',
    naf: '56.10A',
    sizeBand: 'micro',
    communeCode: '69123',
    address: '5 place de la Croix-Rousse, 69004 Lyon',
    shared: 'contacts',
    contacts: [
      {
        firstName: 'Paul',
        lastName: 'Rivière',
        role: 'Chef de cuisine',
        email: 'cuisine@bouchon-canuts.example',
        phone: null,
      },
    ],
    needs: [
      {
        appellationCode: '12756',
        positions: 1,
        contractType: 'iae',
        weeklyHours: 26,
        placeCommuneCode: '69123',
        accommodations: ['beginner_french', 'no_driving_licence', 'part_time', 'no_diploma'],
      },
    ],
  },
  {
    owner: 'ei-logistique',
    name: 'Logistique Mi-Plaine',
    siret: '90100004000013',
    naf: '52.10B',
    sizeBand: 'large',
    communeCode: '69290',
    address: 'ZI Mi-Plaine, 69800 Saint-Priest',
    shared: 'contacts',
    contacts: [
      {
        firstName: 'Nathalie',
        lastName: 'Roche',
        role: 'Chargée de recrutement',
        email: 'recrutement@logistique-miplaine.example',
        phone: '04 72 55 66 77',
      },
    ],
    needs: [
      {
        appellationCode: '10405',
        positions: 4,
        contractType: 'interim',
        weeklyHours: 35,
        placeCommuneCode: '69290',
        accommodations: ['beginner_french', 'no_driving_licence', 'no_experience'],
      },
      {
        appellationCode: '10405',
        positions: 2,
        contractType: 'cdd',
        weeklyHours: 35,
        placeCommuneCode: '69290',
        accommodations: ['no_driving_licence'],
        status: 'filled',
      },
    ],
  },
  {
    owner: 'ai-services-est',
    name: 'EHPAD Les Tilleuls',
    siret: null,
    naf: '87.10A',
    sizeBand: 'medium',
    communeCode: '69029',
    address: '9 avenue Pierre Brossolette, 69500 Bron',
    shared: 'contacts',
    contacts: [
      {
        firstName: 'Sandrine',
        lastName: 'Bonnet',
        role: 'Cadre de santé',
        email: 'cadre@ehpad-tilleuls.example',
        phone: null,
      },
    ],
    needs: [
      {
        appellationCode: '10816',
        positions: 2,
        contractType: 'cdd',
        weeklyHours: 35,
        placeCommuneCode: '69029',
        accommodations: ['no_driving_licence', 'no_diploma'],
      },
    ],
  },
  {
    owner: 'etti-interim',
    name: 'Ressourcerie Lyon Sud',
    siret: null,
    naf: '38.32Z',
    sizeBand: 'small',
    communeCode: '69259',
    address: null,
    shared: true,
    contacts: [],
    needs: [
      {
        appellationCode: '20451',
        positions: 2,
        contractType: 'iae',
        weeklyHours: 30,
        placeCommuneCode: '69259',
        accommodations: ['beginner_french', 'no_driving_licence', 'no_experience'],
      },
    ],
  },
  {
    owner: 'inser-rhone',
    name: 'Rénov’ Vaulx Bâtiment',
    siret: null,
    naf: '43.99C',
    sizeBand: 'micro',
    communeCode: '69256',
    address: null,
    shared: false,
    contacts: [{ firstName: 'Ali', lastName: 'Mansour', role: 'Artisan', email: null, phone: '06 98 76 54 32' }],
    needs: [
      {
        appellationCode: '16250',
        positions: 1,
        contractType: 'cdi',
        weeklyHours: 35,
        placeCommuneCode: '69256',
        accommodations: [],
      },
    ],
  },
];

/**
 * Writes the companies that are missing, shares them, and asks for a pooling run of the collective through the outbox
 * (the worker links them: `npm start` runs one). Returns how many companies were created.
 */
export async function seedDemoCompanies(
  manager: EntityManager,
  input: { siaeIdBySlug: Map<string, string>; userIdBySlug: Map<string, string>; collectiveId: string },
): Promise<{ created: number; existing: number }> {
  let created = 0;
  for (const demo of demoCompanies) {
    const siaeId = input.siaeIdBySlug.get(demo.owner)!;
    const userId = input.userIdBySlug.get(demo.owner) ?? null;
    const known = await manager.findOneBy(Company, { siaeId, name: demo.name });
    if (known) {
      // A demo database seeded before its job dating shared these records without their contacts: the invitations
      // need a shared contact, so the share is brought to what the data says.
      if (demo.shared === 'contacts')
        await manager.query(
          `UPDATE company_share SET with_contacts = true WHERE company_id = $1 AND collective_id = $2 AND withdrawn_at IS NULL AND NOT with_contacts`,
          [known.id, input.collectiveId],
        );
      continue;
    }
    const company = await manager.save(
      manager.create(Company, {
        siaeId,
        name: demo.name,
        siret: demo.siret,
        siren: demo.siret?.slice(0, 9) ?? null,
        naf: demo.naf,
        sizeBand: demo.sizeBand,
        communeCode: demo.communeCode,
        address: demo.address,
        createdByUserId: userId,
      }),
    );
    created++;
    for (const c of demo.contacts) {
      await manager.save(
        manager.create(CompanyContact, {
          companyId: company.id,
          ...c,
          emailNormalised: normaliseEmail(c.email),
          phoneE164: toE164(c.phone),
          preferredChannel: c.email ? 'email' : 'phone',
        }),
      );
    }
    for (const n of demo.needs) {
      const status = n.status ?? 'open';
      await manager.save(
        manager.create(HiringNeed, {
          companyId: company.id,
          appellationCode: n.appellationCode,
          positions: n.positions,
          contractType: n.contractType,
          weeklyHours: String(n.weeklyHours),
          placeCommuneCode: n.placeCommuneCode,
          startDate: null,
          accommodations: n.accommodations,
          status,
          confirmedAt: new Date(),
          closedAt: status === 'open' ? null : new Date(),
        }),
      );
    }
    if (demo.shared) {
      await manager.save(
        manager.create(CompanyShare, {
          companyId: company.id,
          collectiveId: input.collectiveId,
          withContacts: demo.shared === 'contacts',
          sharedByUserId: userId,
          sharedAt: new Date(),
        }),
      );
    }
  }
  if (created > 0)
    await new PoolingRequests(new OutboxService()).requestForCollective(manager, input.collectiveId, null);
  return { created, existing: demoCompanies.length - created };
}
