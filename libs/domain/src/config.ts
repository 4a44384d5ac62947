import { z } from 'zod';

/** Every setting the server side reads from the environment, parsed in one place. */
const envSchema = z.object({
  DATABASE_URL: z.string({ error: 'DATABASE_URL is required (postgres://user@host:5432/db)' }).min(1),
  /** When set, BullMQ and live events use Redis; otherwise both run on PostgreSQL. */
  REDIS_URL: z.string().min(1).optional(),
  QUEUE_PREFIX: z.string().min(1).default('mini-netumo'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(50),
  /**
   * Something the worker must always reach; while it fails, target failures are recorded as unknown.
   * Default: the api's own /health at HOST:PORT. Set it empty to disable.
   */
  CANARY_URL: z.string().optional(),
  /** Checks one worker runs at once against a single host. */
  PER_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(4),
  /** Days of raw check results kept; hourly and daily rollups are kept for a year beyond that. */
  RESULT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  /** Where the built dashboard lives; the api serves it when the folder exists. */
  WEB_DIST_DIR: z.string().optional(),
});

export type AppConfig = {
  databaseUrl: string;
  redisUrl: string | undefined;
  queuePrefix: string;
  host: string;
  port: number;
  workerConcurrency: number;
  webDistDir: string | undefined;
  canaryUrl: string | undefined;
  perHostConcurrency: number;
  resultRetentionDays: number;
};

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
    workerConcurrency: e.WORKER_CONCURRENCY,
    webDistDir: e.WEB_DIST_DIR,
    canaryUrl: e.CANARY_URL === undefined ? defaultCanaryUrl(e.HOST, e.PORT) : e.CANARY_URL || undefined,
    perHostConcurrency: e.PER_HOST_CONCURRENCY,
    resultRetentionDays: e.RESULT_RETENTION_DAYS,
  };
}

function defaultCanaryUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/health`;
}
