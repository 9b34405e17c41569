import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { viewerOf } from './candidate-access';
import { searchCandidates, type CandidateSearchResult } from './candidate-search';
import type { SearchCandidatesDto } from './dto/search.dto';

@Injectable()
export class CandidateSearchService {
  constructor(private readonly dataSource: DataSource) {}

  /** Memberships and consents are read in one transaction with the search, so what it shows is one consistent state. */
  search(principal: Principal, filters: SearchCandidatesDto): Promise<CandidateSearchResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) =>
      searchCandidates(manager, viewerOf(principal), filters),
    );
  }
}
