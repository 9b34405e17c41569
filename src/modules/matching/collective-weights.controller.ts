import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from '../../platform/auth/access.decorators';
import type { Principal } from '../../platform/auth/principal';
import { ParseId } from '../../platform/errors/parse-id.pipe';
import { CollectiveWeightsService } from './collective-weights.service';
import { CollectiveWeightsDto, PutCollectiveWeightsDto } from './dto/collective-weights.dto';

/** Routes under a collective, but the weights are the matching module's vocabulary: they live here. */
@ApiTags('matching')
@ApiBearerAuth()
@Controller('collectives/:collectiveId/matching-weights')
export class CollectiveWeightsController {
  constructor(private readonly weights: CollectiveWeightsService) {}

  @Get()
  @Allow('direction', 'cip', 'charge_dev', 'coordinator', 'admin')
  @ApiOperation({
    summary:
      'Pondérations de matching du collectif : celles appliquées, celles propres au collectif, et la dernière modification',
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
  ): Promise<CollectiveWeightsDto> {
    return this.weights.get(principal, collectiveId);
  }

  @Put()
  @Allow('coordinator')
  @ApiOperation({
    summary: 'Remplacer les pondérations propres au collectif (coordination) ; {} revient aux pondérations par défaut',
  })
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('collectiveId', ParseId) collectiveId: string,
    @Body() body: PutCollectiveWeightsDto,
  ): Promise<CollectiveWeightsDto> {
    return this.weights.put(principal, collectiveId, body.overrides);
  }
}
