import { DataSource } from 'typeorm';
import type { DemoJobDatingInput, DemoJobDatingSummary } from '../../modules/events/demo/demo-job-dating';
import { DEMO_PASSWORD, demoCollective, demoEmail, demoSiaes } from './territory';

/** The two SIAE whose CIPs register candidates in the demo job dating. */
const REGISTERING = ['inser-rhone', 'ai-services-est'];

/** Who does what in the demo job dating, read from the territory just seeded (natural keys: name, SIRET). */
export async function demoJobDatingInput(dataSource: DataSource): Promise<DemoJobDatingInput> {
  const [collective]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM collective WHERE name = $1`, [
    demoCollective.name,
  ]);
  const registeringSiaes: DemoJobDatingInput['registeringSiaes'] = [];
  for (const slug of REGISTERING) {
    const siret = demoSiaes.find((s) => s.slug === slug)!.siret;
    const [siae]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM siae WHERE siret = $1`, [siret]);
    registeringSiaes.push({ siaeId: siae.id, cipEmail: demoEmail(slug, 'cip') });
  }
  return {
    collectiveId: collective.id,
    coordinatorEmail: demoEmail(demoCollective.coordinatorSlug, 'direction'),
    registeringSiaes,
  };
}

/** What `npm start` shows a newcomer: where to click, and with which account. */
export function printDemoJobDating(s: DemoJobDatingSummary): string {
  const lines = [
    `Job dating de démonstration « ${s.title} » (ouvert, le ${s.date}) : ${s.invitations} employeurs invités, ${s.registrations} candidat·es inscrit·es.`,
    ...s.employerLinks.map((l) => `  Lien employeur (${l.companyName}, ${l.situation}) : ${l.url}`),
    `  Page de l'équipe organisatrice : ${s.staffUrl}`,
    `    (connexion : ${demoEmail(demoCollective.coordinatorSlug, 'direction')} / ${DEMO_PASSWORD})`,
  ];
  return lines.join('\n') + '\n';
}
