import { Controller, Get, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../queue/redis';
import { Public } from '../auth/access.decorators';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private redis?: IORedis;

  constructor(
    private readonly config: AppConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async isHealthy(key: string) {
    const indicator = this.indicators.check(key);
    this.redis ??= createRedis(this.config.REDIS_URL, 'client');
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
      ]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: 'réponse inattendue' });
    } catch {
      return indicator.down({ message: 'injoignable' });
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}

@ApiTags('santé')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** État de PostgreSQL et de Redis (503 si l'un des deux est indisponible). */
  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Santé du service' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('postgresql', { timeout: 1500 }),
      () => this.redis.isHealthy('redis'),
    ]);
  }
}
