import type { SiaeRole } from '../../platform/auth/principal';
import type { SiaeKind } from '../../modules/structures/entities/siae.entity';

/** Every demo account shares this password (documented in README.md); never used outside a demo database. */
export const DEMO_PASSWORD = 'maillage-demo';

export interface DemoSiae {
  slug: string;
  kind: SiaeKind;
  name: string;
  siret: string;
  communeCode: string;
  address: string;
  staff: Array<{ role: SiaeRole; name: string }>;
}

/**
 * A believable territory: eight structures of the Lyon metropolis, fictitious names, real communes. SIRETs are valid
 * (Luhn) but fictitious.
 */
export const demoSiaes: DemoSiae[] = [
  {
    slug: 'inser-rhone',
    kind: 'ACI',
    name: 'Inser’Rhône – chantier espaces verts',
    siret: '90000000100017',
    communeCode: '69266',
    address: '12 rue du Canal, 69100 Villeurbanne',
    staff: [
      { role: 'direction', name: 'Nadia Benali' },
      { role: 'cip', name: 'Julien Mercier' },
      { role: 'charge_dev', name: 'Sophie Lambert' },
    ],
  },
  {
    slug: 'atelier-venissieux',
    kind: 'ACI',
    name: 'Atelier Couture et Réemploi de Vénissieux',
    siret: '90000000200015',
    communeCode: '69259',
    address: '3 avenue Jean Jaurès, 69200 Vénissieux',
    staff: [
      { role: 'direction', name: 'Karim Haddad' },
      { role: 'cip', name: 'Élodie Fournier' },
    ],
  },
  {
    slug: 'ai-services-est',
    kind: 'AI',
    name: 'AI Services Est Lyonnais',
    siret: '90000000300013',
    communeCode: '69029',
    address: '45 boulevard de l’Industrie, 69500 Bron',
    staff: [
      { role: 'direction', name: 'Martine Roux' },
      { role: 'cip', name: 'Thomas Garnier' },
      { role: 'charge_dev', name: 'Yasmine Cherif' },
    ],
  },
  {
    slug: 'ei-logistique',
    kind: 'EI',
    name: 'Tremplin Logistique',
    siret: '90000000400011',
    communeCode: '69290',
    address: 'ZI Mi-Plaine, 69800 Saint-Priest',
    staff: [
      { role: 'direction', name: 'Olivier Perrin' },
      { role: 'charge_dev', name: 'Claire Dumas' },
    ],
  },
  {
    slug: 'etti-interim',
    kind: 'ETTI',
    name: 'Pass’Intérim Insertion',
    siret: '90000000500018',
    communeCode: '69388',
    address: '88 avenue des Frères Lumière, 69008 Lyon',
    staff: [
      { role: 'direction', name: 'Fabrice Moreau' },
      { role: 'cip', name: 'Amina Diallo' },
      { role: 'charge_dev', name: 'Lucas Bernard' },
    ],
  },
  {
    slug: 'resto-solidaire',
    kind: 'EI',
    name: 'Le Comptoir Solidaire (restauration)',
    siret: '90000000600016',
    communeCode: '69387',
    address: '21 rue de Gerland, 69007 Lyon',
    staff: [
      { role: 'direction', name: 'Isabelle Faure' },
      { role: 'cip', name: 'Mehdi Bouzid' },
    ],
  },
  {
    slug: 'eiti-velin',
    kind: 'EITI',
    name: 'Indépendants Solidaires du Vélin',
    siret: '90000000700014',
    communeCode: '69256',
    address: '7 place de la Nation, 69120 Vaulx-en-Velin',
    staff: [
      { role: 'direction', name: 'Paul Girard' },
      { role: 'cip', name: 'Fatou Ndiaye' },
    ],
  },
  {
    slug: 'ebe-givors',
    kind: 'EBE',
    name: 'EBE Territoire zéro chômeur de Givors',
    siret: '90000000800012',
    communeCode: '69091',
    address: '2 quai du Rhône, 69700 Givors',
    staff: [
      { role: 'direction', name: 'Anne Chevalier' },
      { role: 'cip', name: 'Romain Petit' },
    ],
  },
];

export const demoCollective = {
  name: 'Inter-SIAE Lyon Métropole',
  territory: 'Métropole de Lyon',
  description:
    'Collectif des structures d’insertion de la Métropole de Lyon : réseau d’entreprises partagé et job datings communs.',
  coordinatorSlug: 'inser-rhone',
};

export function demoEmail(slug: string, role: SiaeRole): string {
  return `${role.replace('_', '-')}@${slug}.demo`;
}

export const demoAdminEmail = 'admin@maillage.demo';
