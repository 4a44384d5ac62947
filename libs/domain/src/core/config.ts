import { z } from 'zod';
import { LOG_LEVELS } from '../logging/logger';

/** IANA's registry of RDAP servers per domain ending (RFC 9224): the default bootstrap of the domain lane. */
export const IANA_RDAP_BOOTSTRAP_URL = 'https://data.iana.org/rdap/dns.json';

/** Every setting the server side reads from the environment, parsed in one place. */
const envSchema = z.object({
  DATABASE_URL: z.string({ error: 'DATABASE_URL is required (postgres://user@host:5432/db)' }).min(1),
  /** When set, BullMQ and live events use Redis; otherwise both run on PostgreSQL. */
  REDIS_URL: z.string().min(1).optional(),
  QUEUE_PREFIX: z.string().min(1).default('mini-netumo'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /**
   * The public listener: heartbeat pings (later status pages and badges), and nothing that reads private data
   * or writes configuration. The one port meant to face the world; HOST:PORT (the admin listener) never is.
   */
  PUBLIC_HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  /** The public listener's address as the world reaches it (ping URLs are built on it). Default http://PUBLIC_HOST:PUBLIC_PORT. */
  PUBLIC_LISTENER_URL: z.url({ error: 'PUBLIC_LISTENER_URL must be a URL such as https://ping.example.com' }).optional(),
  /** Pings one heartbeat key may send per minute; more are answered 429 before they reach the database. */
  PING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Status page and badge requests one client address may make a minute on the public listener. */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1_200),
  /** tRPC mutations one client address may make a minute on the admin listener. */
  MUTATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(50),
  /** The worker pings this every minute while monitoring is healthy (another instance's heartbeat, Healthchecks…). */
  SELF_HEARTBEAT_URL: z.url({ error: 'SELF_HEARTBEAT_URL must be a URL such as https://hc-ping.com/<uuid>' }).optional(),
  /** The worker's own listener (`/metrics`, `/health/live`, `/health/ready`), bound to HOST like the api. */
  WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  /** One Prometheus series per monitor; `false` for very large fleets (counts by status stay). */
  METRICS_PER_MONITOR: z.enum(['true', 'false'], { error: 'METRICS_PER_MONITOR must be true or false' }).default('true'),
  /**
   * Something the worker must always reach; while it fails, target failures are recorded as unknown.
   * Default: the api's own /health at HOST:PORT. Set it empty to disable.
   */
  CANARY_URL: z.string().optional(),
  /**
   * Refuses monitors whose host is or resolves to a private, loopback, link-local or cloud metadata address, on save
   * and at each check (DNS may change). Off by default: monitoring a LAN is a common use.
   */
  BLOCK_PRIVATE_TARGETS: z.enum(['true', 'false'], { error: 'BLOCK_PRIVATE_TARGETS must be true or false' }).default('false'),
  /** Checks one worker runs at once against a single host. */
  PER_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(4),
  /** Days of raw check results kept; hourly and daily rollups are kept for a year beyond that. */
  RESULT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  /** Where the built dashboard lives; the api serves it when the folder exists. */
  WEB_DIST_DIR: z.string().optional(),
  /** The dashboard's address as people open it; alert messages link there. Default http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Where the email channel reaches Resend; default the SDK's (https://api.resend.com). */
  RESEND_BASE_URL: z.url().optional(),
  TELEGRAM_API_BASE_URL: z.url().default('https://api.telegram.org'),
  /** Tries per alert on one channel before its fallback channel (or the dead-letter list) gets it. */
  NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** First retry delay; each next one doubles, with jitter, up to NOTIFY_MAX_BACKOFF_MS (also caps Retry-After). */
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(5_000),
  NOTIFY_MAX_BACKOFF_MS: z.coerce.number().int().min(1).max(86_400_000).default(600_000),
  /** Deadline of one call to a provider: a hanging provider never holds a delivery longer. */
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(20),
  /** How often reminders, flapping and stuck deliveries are looked at. */
  NOTIFY_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** More than FLAPPING_CHANGES up/down changes within FLAPPING_WINDOW_MINUTES is flapping. */
  FLAPPING_CHANGES: z.coerce.number().int().min(2).max(100).default(5),
  FLAPPING_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1_440).default(30),
  /** IANA's RDAP bootstrap, or a private registry's; empty means no RDAP, straight to WHOIS. */
  RDAP_BOOTSTRAP_URL: z
    .union([z.literal(''), z.url({ error: 'RDAP_BOOTSTRAP_URL must be a URL or empty' })])
    .default(IANA_RDAP_BOOTSTRAP_URL),
  /** `host:port` (`[::1]:4343`; port 43 when left out): when set, every WHOIS query goes there. */
  WHOIS_SERVER: z
    .string()
    .optional()
    .refine((value) => !value || parseHostPort(value) !== null, { error: 'WHOIS_SERVER must be host:port, such as whois.example.net:43' }),
  /** Deadline of one TLS handshake, RDAP request or WHOIS exchange. */
  EXPIRY_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  /** How often the schedule watchdog looks for overdue monitors (one worker sweeps per period). */
  WATCHDOG_SWEEP_MS: z.coerce.number().int().min(500).max(300_000).default(5_000),
  /** More overdue monitors than this: /health is not ok and one "monitoring degraded" notice goes out. */
  HEALTH_OVERDUE_THRESHOLD: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** The logger reads it itself (it logs before the configuration is loaded); checked here so a typo stops the start. */
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

/** Certificate and domain expiry lookups; tests point them at local fakes. */
export interface ExpirySettings {
  rdapBootstrapUrl: string;
  whoisServer: { host: string; port: number } | undefined;
  timeoutMs: number;
}

/** `host:port`, `host` (port 43) or `[v6]:port`; null when it is none of them. */
export function parseHostPort(value: string): { host: string; port: number } | null {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:\s[\]]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  const host = match?.[1] ?? match?.[2];
  const port = match?.[3] === undefined ? 43 : Number(match[3]);
  return host && port >= 1 && port <= 65_535 ? { host, port } : null;
}

/** How alerts are delivered; tests shrink the delays. */
export interface NotifySettings {
  publicUrl: string;
  resendBaseUrl: string | undefined;
  telegramApiBaseUrl: string;
  attempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  timeoutMs: number;
  concurrency: number;
  sweepEveryMs: number;
  flapping: { changes: number; windowMinutes: number };
}

/** The schedule watchdog: how often it sweeps and how many overdue monitors mean "degraded". */
export interface WatchdogSettings {
  sweepEveryMs: number;
  overdueThreshold: number;
}

export type AppConfig = {
  databaseUrl: string;
  redisUrl: string | undefined;
  queuePrefix: string;
  host: string;
  port: number;
  publicListener: PublicListenerSettings;
  mutationRateLimitPerMinute: number;
  workerConcurrency: number;
  /** The worker's metrics and probes listener, on `host`. */
  workerHttpPort: number;
  selfHeartbeatUrl: string | undefined;
  metrics: { perMonitor: boolean };
  webDistDir: string | undefined;
  canaryUrl: string | undefined;
  /** BLOCK_PRIVATE_TARGETS: no monitor may reach a private address (see checks/net/target-guard.ts). */
  blockPrivateTargets: boolean;
  perHostConcurrency: number;
  resultRetentionDays: number;
  notify: NotifySettings;
  expiry: ExpirySettings;
  watchdog: WatchdogSettings;
};

export interface PublicListenerSettings {
  host: string;
  port: number;
  /** Without a trailing slash. */
  url: string;
  pingRateLimitPerMinute: number;
  pageRateLimitPerMinute: number;
}

/** The settings domain verbs read (see DomainContext). */
export type DomainSettings = Pick<
  AppConfig,
  'notify' | 'watchdog' | 'expiry' | 'resultRetentionDays' | 'publicListener' | 'blockPrivateTargets'
>;

export function domainSettingsOf(config: AppConfig): DomainSettings {
  return {
    notify: config.notify,
    watchdog: config.watchdog,
    expiry: config.expiry,
    resultRetentionDays: config.resultRetentionDays,
    publicListener: config.publicListener,
    blockPrivateTargets: config.blockPrivateTargets,
  };
}

const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Reads the configuration; throws an error naming each bad variable (never echoing its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    host: e.HOST,
    port: e.PORT,
    publicListener: {
      host: e.PUBLIC_HOST,
      port: e.PUBLIC_PORT,
      url: (e.PUBLIC_LISTENER_URL ?? urlOf(e.PUBLIC_HOST, e.PUBLIC_PORT)).replace(/\/+$/, ''),
      pingRateLimitPerMinute: e.PING_RATE_LIMIT_PER_MINUTE,
      pageRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    },
    mutationRateLimitPerMinute: e.MUTATION_RATE_LIMIT_PER_MINUTE,
    workerConcurrency: e.WORKER_CONCURRENCY,
    workerHttpPort: e.WORKER_HTTP_PORT,
    selfHeartbeatUrl: e.SELF_HEARTBEAT_URL,
    metrics: { perMonitor: e.METRICS_PER_MONITOR === 'true' },
    webDistDir: e.WEB_DIST_DIR,
    canaryUrl: e.CANARY_URL === undefined ? defaultCanaryUrl(e.HOST, e.PORT) : e.CANARY_URL || undefined,
    blockPrivateTargets: e.BLOCK_PRIVATE_TARGETS === 'true',
    perHostConcurrency: e.PER_HOST_CONCURRENCY,
    resultRetentionDays: e.RESULT_RETENTION_DAYS,
    notify: {
      publicUrl: (e.PUBLIC_URL ?? urlOf(e.HOST, e.PORT)).replace(/\/+$/, ''),
      resendBaseUrl: e.RESEND_BASE_URL,
      telegramApiBaseUrl: e.TELEGRAM_API_BASE_URL.replace(/\/+$/, ''),
      attempts: e.NOTIFY_ATTEMPTS,
      backoffMs: e.NOTIFY_BACKOFF_MS,
      maxBackoffMs: e.NOTIFY_MAX_BACKOFF_MS,
      timeoutMs: e.NOTIFY_TIMEOUT_MS,
      concurrency: e.NOTIFY_CONCURRENCY,
      sweepEveryMs: e.NOTIFY_SWEEP_MS,
      flapping: { changes: e.FLAPPING_CHANGES, windowMinutes: e.FLAPPING_WINDOW_MINUTES },
    },
    expiry: {
      rdapBootstrapUrl: e.RDAP_BOOTSTRAP_URL,
      whoisServer: e.WHOIS_SERVER ? (parseHostPort(e.WHOIS_SERVER) ?? undefined) : undefined,
      timeoutMs: e.EXPIRY_TIMEOUT_MS,
    },
    watchdog: { sweepEveryMs: e.WATCHDOG_SWEEP_MS, overdueThreshold: e.HEALTH_OVERDUE_THRESHOLD },
  };
}

function defaultCanaryUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  // The liveness probe, not /health: /health turns 503 when monitors are overdue, and a canary that
  // failed then would turn every real failure into "unknown" exactly when monitoring is in trouble.
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/health/live`;
}
