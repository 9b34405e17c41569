import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../queue/redis';
import { authErrors } from './auth.errors';

/**
 * Fixed-window counter in Redis, shared by every API process (an in-memory limiter would be multiplied by the number
 * of processes). Keyed by address and by account so that neither a single client nor a distributed guess on one
 * account gets through.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private redis?: IORedis;

  constructor(private readonly config: AppConfig) {}

  async consume(ip: string, email: string): Promise<void> {
    this.redis ??= createRedis(this.config.REDIS_URL, 'client');
    const windowMs = this.config.LOGIN_RATE_WINDOW_MS;
    const window = Math.floor(Date.now() / windowMs);
    const keys = [
      `${this.config.QUEUE_PREFIX}:login:ip:${ip}:${window}`,
      `${this.config.QUEUE_PREFIX}:login:account:${email}:${window}`,
    ];
    let counts: number[];
    try {
      const pipeline = this.redis.multi();
      for (const key of keys) pipeline.incr(key).pexpire(key, windowMs);
      const results = (await pipeline.exec()) ?? [];
      counts = [Number(results[0]?.[1]), Number(results[2]?.[1])];
    } catch (error) {
      // Availability over strictness: argon2 already makes each guess expensive while Redis is away.
      this.logger.warn({ msg: 'login rate limiter unavailable', error: (error as Error).message });
      return;
    }
    if (counts[0] > this.config.LOGIN_RATE_LIMIT_PER_IP || counts[1] > this.config.LOGIN_RATE_LIMIT) {
      throw authErrors.tooManyAttempts(Math.ceil((windowMs - (Date.now() % windowMs)) / 1000));
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
