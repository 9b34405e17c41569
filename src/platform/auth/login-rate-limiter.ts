import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type IORedis from 'ioredis';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../queue/redis';
import { authErrors } from './auth.errors';

/**
 * One login attempt, decided atomically so that a burst of parallel guesses cannot slip between a check and a count.
 * In order: the address's ceiling (every attempt counts); the pair's wait; the account's ceiling (only attempts that
 * got past the pair count, so that one address hammering a blocked pair cannot use the account's ceiling up); then the
 * attempt is counted as a pair failure up front, moving the next allowed instant (a success deletes the pair's state).
 * KEYS: address counter, pair hash, account counter.
 * ARGV: now, window ms, address limit, account limit, free failures, base delay, max delay, pair ttl.
 * Returns {0, 0} when the attempt may go on, else {1 | 2 | 3, milliseconds to wait}.
 */
const ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local windowLeft = tonumber(ARGV[2]) - (now % tonumber(ARGV[2]))
local perAddress = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if perAddress > tonumber(ARGV[3]) then return {1, windowLeft} end
local nextAt = tonumber(redis.call('HGET', KEYS[2], 'n') or '0')
if now < nextAt then return {2, nextAt - now} end
local perAccount = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], ARGV[2])
if perAccount > tonumber(ARGV[4]) then return {3, windowLeft} end
local failures = tonumber(redis.call('HGET', KEYS[2], 'f') or '0') + 1
local delay = 0
if failures > tonumber(ARGV[5]) then
  delay = math.min(tonumber(ARGV[6]) * math.pow(2, failures - tonumber(ARGV[5]) - 1), tonumber(ARGV[7]))
end
redis.call('HSET', KEYS[2], 'f', failures, 'n', now + delay)
redis.call('PEXPIRE', KEYS[2], ARGV[8])
return {0, 0}
`;

/**
 * Login limits, in Redis so that every API process shares them (an in-memory limiter would be multiplied by the number
 * of processes):
 * - per (account, address): a few free failures, then a delay that doubles with each failure. The real person, from
 *   their own address, is never slowed by a guesser elsewhere: nobody can lock an account out from one address.
 * - per address (every account): a fixed-window ceiling against one client spraying many accounts.
 * - per account (every address): a much higher fixed-window ceiling, against a guess spread over many addresses.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private redis?: IORedis;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private key(...parts: string[]): string {
    return [this.config.QUEUE_PREFIX, 'login', ...parts].join(':');
  }

  /** The account part of a key: hashed, so that Redis holds no e-mail address. */
  private account(email: string): string {
    return createHash('sha256').update(email).digest('base64url').slice(0, 22);
  }

  /** Called before the password is checked; throws LOGIN_RATE_LIMITED with the wait in seconds. */
  async consume(ip: string, email: string): Promise<void> {
    this.redis ??= createRedis(this.config.REDIS_URL, 'client');
    const now = this.clock.now().getTime();
    const windowMs = this.config.LOGIN_RATE_WINDOW_MS;
    const window = Math.floor(now / windowMs);
    const account = this.account(email);
    let verdict: [number, number];
    try {
      const result = (await this.redis.eval(
        ATTEMPT_SCRIPT,
        3,
        this.key('ip', ip, String(window)),
        this.key('pair', account, ip),
        this.key('account', account, String(window)),
        now,
        windowMs,
        this.config.LOGIN_RATE_LIMIT_PER_IP,
        this.config.LOGIN_RATE_LIMIT,
        this.config.LOGIN_FREE_FAILURES,
        this.config.LOGIN_DELAY_BASE_MS,
        this.config.LOGIN_DELAY_MAX_MS,
        // Kept long enough to remember the longest wait, then forgotten.
        this.config.LOGIN_DELAY_MAX_MS * 2,
      )) as [number, number];
      verdict = [Number(result[0]), Number(result[1])];
    } catch (error) {
      // Availability over strictness: argon2 already makes each guess expensive while Redis is away.
      this.logger.warn({ msg: 'login rate limiter unavailable', error: (error as Error).message });
      return;
    }
    if (verdict[0] !== 0) throw authErrors.tooManyAttempts(Math.max(1, Math.ceil(verdict[1] / 1000)));
  }

  /** The right password from this address: its earlier failures no longer count. */
  async succeeded(ip: string, email: string): Promise<void> {
    try {
      await this.redis?.del(this.key('pair', this.account(email), ip));
    } catch (error) {
      this.logger.warn({ msg: 'login rate limiter unavailable', error: (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
