import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../queue/redis';
import { linkErrors } from './links.errors';

/**
 * Fixed-window counter per client address in Redis, shared by every API process, in front of the token endpoints.
 * A 256-bit token cannot be guessed, so this is about keeping a client from hammering the token lookups (and from
 * spraying leaked-looking tokens), not about entropy.
 */
@Injectable()
export class LinkRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(LinkRateLimiter.name);
  private redis?: IORedis;

  constructor(private readonly config: AppConfig) {}

  async consume(ip: string): Promise<void> {
    this.redis ??= createRedis(this.config.REDIS_URL, 'client');
    const windowMs = this.config.LINK_RATE_WINDOW_MS;
    const key = `${this.config.QUEUE_PREFIX}:employer-link:ip:${ip}:${Math.floor(Date.now() / windowMs)}`;
    let count: number;
    try {
      const results = (await this.redis.multi().incr(key).pexpire(key, windowMs).exec()) ?? [];
      count = Number(results[0]?.[1]);
    } catch (error) {
      // Availability over strictness: the tokens stay unguessable while Redis is away.
      this.logger.warn({ msg: 'employer link rate limiter unavailable', error: (error as Error).message });
      return;
    }
    if (count > this.config.LINK_RATE_LIMIT_PER_IP)
      throw linkErrors.rateLimited(Math.ceil((windowMs - (Date.now() % windowMs)) / 1000));
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
