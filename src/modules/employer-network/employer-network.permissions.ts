import {
  adminParty,
  coordinatorParty,
  employerParty,
  staffOf,
  type Party,
  type WriteRule,
} from '../structures/access/write-rules';
import { COMPANY_WRITERS } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';

/**
 * A write on a pooled company by those who hold the relationship with it: the coordinators of its collective and the
 * direction / chargé·es de développement of an SIAE that brought a record of it, plus `also` (the admin, the company's
 * own link). Members of the collective see the company and get `refused`; anyone else learns nothing (404).
 */
function relationshipRule(route: string, refused: WriteRule['refused'], audit: string, ...also: Party[]): WriteRule {
  return {
    routes: [route],
    may: [coordinatorParty, staffOf('contributor', COMPANY_WRITERS), ...also],
    visibleTo: [staffOf('member')],
    refused,
    hidden: errors.pooledCompanyNotFound,
    audit,
  };
}

/**
 * Every write on an object the collective shares, and who may make it. The services decide with this table
 * (`assertMayWrite`), the access tests derive from it what each kind of caller gets; the audit action names the
 * record of each decision. `CompaniesService.lockWritable` applies `ownRecord` (or the rule it is given) to a record.
 */
export const employerNetworkWrites = {
  /** Any write on an SIAE's own record (edit, contacts, needs): nobody outside its SIAE learns it exists. */
  ownRecord: {
    routes: [
      'PATCH /api/companies/:id',
      'POST /api/companies/:id/contacts',
      'POST /api/companies/:id/needs',
      'POST /api/companies/:id/needs/:needId/confirm',
      'POST /api/companies/:id/needs/:needId/status',
    ],
    guard: COMPANY_WRITERS,
    may: [staffOf('owner', COMPANY_WRITERS)],
    visibleTo: [staffOf('owner')],
    refused: errors.writeForbidden,
    hidden: errors.companyNotFound,
    audit: 'company.write',
  },
  /** Sharing a record with a collective of its SIAE, or withdrawing the share: the owner decides (others get 404: writing routes show nothing of a record they only read). */
  share: {
    routes: ['POST /api/companies/:id/shares'],
    guard: COMPANY_WRITERS,
    may: [staffOf('owner', COMPANY_WRITERS)],
    visibleTo: [staffOf('owner')],
    refused: errors.writeForbidden,
    hidden: errors.companyNotFound,
    audit: 'company.share',
  },
  withdrawShare: {
    routes: ['POST /api/companies/:id/shares/:collectiveId/withdraw'],
    guard: COMPANY_WRITERS,
    may: [staffOf('owner', COMPANY_WRITERS)],
    visibleTo: [staffOf('owner')],
    refused: errors.writeForbidden,
    hidden: errors.companyNotFound,
    audit: 'company.share.withdraw',
  },
  /**
   * An exchange with a company, in the name of the owner or of a member SIAE of a collective the record is shared with
   * (any staff role: a CIP places people in immersions and hires). An outcome (`hire`) names a candidate of that SIAE.
   */
  interaction: {
    routes: ['POST /api/companies/:id/interactions'],
    guard: ['direction', 'cip', 'charge_dev'],
    may: [staffOf('owner'), staffOf('member')],
    visibleTo: [coordinatorParty],
    refused: errors.interactionAuthorForbidden,
    hidden: errors.companyNotFound,
    audit: 'company.interaction',
  },
  /**
   * The company asked not to be called: the relationship's holders; or the company itself, through a personal link
   * scoped to this pooled company (declining a job dating invitation with a pause). Lifting it is staff only.
   */
  pause: relationshipRule(
    'PUT /api/pooled-companies/:id/pause',
    errors.pauseForbidden,
    'pooled_company.pause',
    employerParty('pooledCompanyId', 'POST /api/employer/event/decline'),
  ),
  liftPause: relationshipRule(
    'DELETE /api/pooled-companies/:id/pause',
    errors.pauseForbidden,
    'pooled_company.pause.lift',
  ),
  /** Human corrections of the linking: the relationship's holders and the platform admin. */
  split: relationshipRule(
    'POST /api/pooled-companies/:id/split',
    errors.correctionForbidden,
    'pooling.split',
    adminParty,
  ),
  merge: relationshipRule(
    'POST /api/pooled-companies/:id/merge',
    errors.correctionForbidden,
    'pooling.merge',
    adminParty,
  ),
  /** A pooling run on demand: coordinators, and direction / chargé·es de développement of a member SIAE. */
  poolingRun: {
    routes: ['POST /api/collectives/:id/pooling-runs'],
    may: [coordinatorParty, adminParty, staffOf('member', COMPANY_WRITERS)],
    visibleTo: [staffOf('member')],
    refused: errors.writeForbidden,
    hidden: errors.collectiveNotFound,
    audit: 'pooling.run.request',
  },
  /** An outreach to a pooled company, in the name of a member SIAE: its staff, or a coordinator. */
  solicitation: {
    routes: ['POST /api/pooled-companies/:id/solicitations'],
    may: [coordinatorParty, staffOf('member')],
    visibleTo: [],
    refused: errors.soliciterNotMember,
    hidden: errors.pooledCompanyNotFound,
    audit: 'solicitation.record',
  },
  /** The collective's solicitation budget: its coordinators. */
  budget: {
    routes: ['PUT /api/collectives/:id/solicitation-budget'],
    may: [coordinatorParty, adminParty],
    visibleTo: [staffOf('member')],
    refused: errors.budgetForbidden,
    hidden: errors.collectiveNotFound,
    audit: 'solicitation_budget.set',
  },
} satisfies Record<string, WriteRule>;
