import IORedis, { RedisOptions } from 'ioredis';

/**
 * Producers and clients fail within seconds when Redis is down (the outbox keeps the job, the health check says so);
 * workers wait for Redis forever, as BullMQ requires.
 */
export function createRedis(url: string, role: 'producer' | 'worker' | 'client'): IORedis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 5000 };
  const redis = new IORedis(url, options);
  // Without a listener ioredis prints every reconnection failure as an unhandled error event.
  redis.on('error', () => undefined);
  return redis;
}
