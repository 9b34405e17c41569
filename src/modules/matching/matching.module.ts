import { Module } from '@nestjs/common';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/**
 * Matching: ranked, explained lists of candidates for a hiring need and of needs for a candidate. Visibility and
 * consent are decided in SQL (reusing the candidates and employer-network rules); scoring is the pure `engine/`.
 */
@Module({
  controllers: [MatchingController],
  providers: [MatchingService],
  exports: [MatchingService],
})
export class MatchingModule {}
