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
  ValidateBy,
} from 'class-validator';
import { isIP } from 'node:net';

/** The value shipped for development: a production boot refuses it (anyone can read it in the repository). */
export const DEVELOPMENT_TOKEN_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

function MinByteLength(bytes: number): PropertyDecorator {
  return ValidateBy({
    name: 'minByteLength',
    constraints: [bytes],
    validator: {
      validate: (value: unknown) => typeof value === 'string' && Buffer.byteLength(value, 'utf8') >= bytes,
      defaultMessage: () => `doit compter au moins ${bytes} octets`,
    },
  });
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function IsTrustProxy(): PropertyDecorator {
  return ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== undefined,
      defaultMessage: () =>
        "doit valoir false, un nombre de relais (1, 2…) ou une liste d'adresses ou de plages (10.0.0.0/8, loopback…) séparées par des virgules ; true (faire confiance à tous) est refusé",
    },
  });
}

/** `TRUST_PROXY` as Express's `trust proxy` setting; undefined when the text is not valid. */
export function parseTrustProxy(text: string): false | number | string[] | undefined {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  const valid = entries.every((entry) => {
    if (TRUST_PROXY_NAMES.has(entry)) return true;
    const [address, prefix, ...rest] = entry.split('/');
    if (rest.length > 0 || !isIP(address)) return false;
    if (prefix === undefined) return true;
    const max = isIP(address) === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
  });
  return valid ? entries : undefined;
}

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

  /**
   * Secret used to derive token hashes (HMAC): leaking the token table alone does not give usable tokens. Counted in
   * bytes (UTF-8), not characters: the HMAC key is bytes. Production must set its own (see `productionProblems`).
   */
  @IsString()
  @MinByteLength(32)
  TOKEN_SECRET = DEVELOPMENT_TOKEN_SECRET;

  /**
   * Which proxies may tell the client's address through `X-Forwarded-For` (Express's `trust proxy`): `false` (default,
   * trust nobody: the address is the socket's), a hop count (`1` behind one reverse proxy), or a comma-separated list
   * of addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal`. Trusting every proxy (`true`) is
   * refused: the per-address login limit would then be bypassed by writing the header.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'false';

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

  /**
   * Ceiling of login attempts per account and window, whatever the address. Much higher than what one address may try
   * on one account (see LOGIN_FREE_FAILURES): it only stops a guess spread over many addresses, and an attacker who
   * wants to lock a person out must then hold that many addresses.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_RATE_LIMIT = 300;

  /** Per address, every account together: higher than one person needs, because a whole SIAE office often shares one address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_RATE_LIMIT_PER_IP = 100;

  /**
   * Failed logins one address may make on one account before each further attempt waits: the wait starts at
   * LOGIN_DELAY_BASE_MS and doubles with every failure, up to LOGIN_DELAY_MAX_MS. A success clears the count. The
   * same account from another address is not slowed: a guesser cannot lock the real person out.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_FREE_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  LOGIN_DELAY_BASE_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  LOGIN_DELAY_MAX_MS = 15 * 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  LOGIN_RATE_WINDOW_MS = 15 * 60_000;

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

  /**
   * Reminders of a published job dating, in days before its first slot, most distant first (`2,1` = J-2 and J-1).
   * Each offset is one reminder kind (`event_reminder_j2`…), sent at most once per person (notifications).
   */
  @Matches(/^\s*([1-9]|1[0-4])\s*(,\s*([1-9]|1[0-4])\s*){0,3}$/, {
    message:
      'EVENT_REMINDER_DAYS doit lister de 1 à 4 nombres de jours entre 1 et 14, séparés par des virgules (ex. 2,1)',
  })
  EVENT_REMINDER_DAYS = '2,1';

  /** Where SMS go: `log` writes them to the logs (development, and until a provider is contracted). */
  @IsIn(['log'])
  SMS_PROVIDER = 'log' as const;

  /** A proposal left unanswered this many days gets its one automatic relaunch of the employer (proposals). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  PROPOSAL_RELAUNCH_DAYS = 7;

  /** A proposal still unanswered this many days after it was sent: its CIP is alerted (proposals). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(180)
  PROPOSAL_CIP_ALERT_DAYS = 14;

  /** A proposal unanswered this many days after it was sent expires (proposals; les-emplois uses 60). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(365)
  PROPOSAL_EXPIRY_DAYS = 30;
}

/** `EVENT_REMINDER_DAYS` as distinct offsets, most distant first. */
export function reminderDays(config: Pick<AppConfig, 'EVENT_REMINDER_DAYS'>): number[] {
  const days = config.EVENT_REMINDER_DAYS.split(',').map((d) => Number(d.trim()));
  return [...new Set(days)].sort((a, b) => b - a);
}

/**
 * What a production boot refuses although a developer machine accepts it: a token secret left to its default (anyone
 * can read it in the repository, and forge nothing but link every leaked hash to its token) or not set at all.
 */
function productionProblems(config: AppConfig, env: Record<string, string | undefined>): string[] {
  if (config.NODE_ENV !== 'production') return [];
  if (env.TOKEN_SECRET === undefined && config.TOKEN_SECRET === DEVELOPMENT_TOKEN_SECRET)
    return [
      'TOKEN_SECRET: obligatoire en production (au moins 32 octets aléatoires, par exemple `openssl rand -base64 48`)',
    ];
  if (config.TOKEN_SECRET === DEVELOPMENT_TOKEN_SECRET)
    return [
      'TOKEN_SECRET: la valeur de développement est refusée en production ; générez-en une (`openssl rand -base64 48`)',
    ];
  return [];
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
  const problems = errors.map(
    (e) =>
      `${e.property}: ${Object.entries(e.constraints ?? {})
        .map(([rule, m]) => translate(rule, m))
        .join(', ')}`,
  );
  problems.push(...productionProblems(config, env));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
