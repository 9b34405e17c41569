import { plainToInstance, Transform } from 'class-transformer';
import { translate } from '../errors/validation';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/**
 * The whole configuration, read once from the environment at boot. Every value has a local default that works on a
 * developer machine with PostgreSQL and Redis on localhost; production overrides them through the environment.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL doit être une URL postgres://…' })
  // The project's own role (created by .ci/services.sh): Debian's PostgreSQL asks a password for TCP connections.
  DATABASE_URL = 'postgres://maillage:maillage@127.0.0.1:5432/maillage';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL doit être une URL redis://…' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Separates the queues of several deployments (or test runs) sharing one Redis. */
  @Matches(/^[a-z0-9_-]{1,40}$/i)
  QUEUE_PREFIX = 'maillage';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Secret used to derive token hashes (HMAC): leaking the token table alone does not give usable tokens. */
  @IsString()
  @MinLength(32)
  TOKEN_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(60 * 24 * 30)
  SESSION_TTL_MINUTES = 60 * 12;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITATION_TTL_HOURS = 24 * 7;

  /** Failed or not, login attempts allowed per account and window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_RATE_LIMIT = 10;

  /** Per address: higher, because a whole SIAE office often shares one public address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_RATE_LIMIT_PER_IP = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  LOGIN_RATE_WINDOW_MS = 60_000;

  /** Employer sessions opened from a personal link (an invitation, a proposal): short, a link reopens one. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(60 * 24)
  EMPLOYER_SESSION_TTL_MINUTES = 120;

  /** Openings of employer links (and session exchanges) allowed per client address and window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LINK_RATE_LIMIT_PER_IP = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  LINK_RATE_WINDOW_MS = 60_000;

  @IsString()
  @MinLength(1)
  SMTP_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 1025;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @Transform(toBool)
  @IsBoolean()
  SMTP_SECURE = false;

  @IsString()
  @Matches(/.+@.+/, { message: 'MAIL_FROM doit contenir une adresse e-mail' })
  MAIL_FROM = 'Maillage <ne-pas-repondre@maillage.local>';

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 500;

  /**
   * When set, the worker's outbox loop touches this file after each pass: a container healthcheck reads its age to
   * tell a live worker from a stuck one (the worker has no HTTP port). Empty: no file.
   */
  @IsString()
  WORKER_HEARTBEAT_FILE = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  RETENTION_MONTHS = 24;

  /** An open hiring need not confirmed with the employer for this many days expires (employer network). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  HIRING_NEED_EXPIRY_DAYS = 45;

  /** An event invitation left unanswered this many hours gets its one automatic relaunch (events). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2160)
  EVENT_INVITATION_RELAUNCH_HOURS = 72;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n - ${problems.join('\n - ')}`);
  }
}

/** Builds the typed configuration from an environment-like record; throws with every problem listed. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const known = Object.keys(new AppConfig());
  const source: Record<string, unknown> = {};
  for (const key of [...known, 'SMTP_USER', 'SMTP_PASSWORD']) {
    if (env[key] !== undefined) source[key] = env[key];
  }
  const config = plainToInstance(AppConfig, { ...source }, { exposeDefaultValues: true });
  Object.assign(config, overrides);
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map(
        (e) =>
          `${e.property}: ${Object.entries(e.constraints ?? {})
            .map(([rule, m]) => translate(rule, m))
            .join(', ')}`,
      ),
    );
  }
  return config;
}
