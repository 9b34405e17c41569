import { CompanyContact } from './company-contact.entity';
import { CompanyImport } from './company-import.entity';
import { CompanyInteraction } from './company-interaction.entity';
import { CompanyShare } from './company-share.entity';
import { Company } from './company.entity';
import { HiringNeed } from './hiring-need.entity';
import { PooledCompanyMember } from './pooled-company-member.entity';
import { PooledCompany } from './pooled-company.entity';
import { PoolingCorrection } from './pooling-correction.entity';
import { PoolingRun } from './pooling-run.entity';
import { SolicitationBudget } from './solicitation-budget.entity';
import { Solicitation } from './solicitation.entity';

export {
  Company,
  CompanyContact,
  CompanyImport,
  CompanyInteraction,
  CompanyShare,
  HiringNeed,
  PooledCompany,
  PooledCompanyMember,
  PoolingCorrection,
  PoolingRun,
  Solicitation,
  SolicitationBudget,
};

export const employerNetworkEntities = [
  Company,
  CompanyContact,
  CompanyImport,
  CompanyInteraction,
  CompanyShare,
  HiringNeed,
  PooledCompany,
  PooledCompanyMember,
  PoolingCorrection,
  PoolingRun,
  Solicitation,
  SolicitationBudget,
];
