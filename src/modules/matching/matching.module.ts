import { Module } from '@nestjs/common';
import { CollectiveWeightsController } from './collective-weights.controller';
import { CollectiveWeightsService } from './collective-weights.service';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/**
 * Matching: ranked, explained lists of candidates for a hiring need and of needs for a candidate. Visibility and
 * consent are decided in SQL (reusing the candidates and employer-network rules); scoring is the pure `engine/`.
 */
@Module({
  controllers: [MatchingController, CollectiveWeightsController],
  providers: [MatchingService, CollectiveWeightsService],
  exports: [MatchingService],
})
export class MatchingModule {}
