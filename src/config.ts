import { isIP } from 'node:net';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Which proxies in front of the server to believe about the client: none, any, or these addresses. */
export type TrustProxy = boolean | string[];

// Named ranges understood by proxy-addr, which Fastify uses to evaluate X-Forwarded-For.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const secretSetting = () => z.string().min(24, 'must be at least 24 characters so it cannot be guessed').optional();

const milliseconds = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const isAddressOrCidr = (entry: string): boolean => {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};

const TrustProxySetting = z
  .string()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    if (value === 'true' || value === 'false') return value === 'true';
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isAddressOrCidr(entry));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `must be true, false or a comma list of IP addresses, CIDRs, loopback, linklocal or uniquelocal; not ${bad.join(', ')}` });
      return z.NEVER;
    }
    return entries;
  });

const CorsOriginsSetting = z
  .string()
  .default('')
  .transform((value, ctx): string[] | '*' => {
    if (value.trim() === '*') return '*';
    const origins = value.split(',').map((origin) => origin.trim()).filter(Boolean);
    const bad = origins.filter((origin) => !/^https?:\/\/[^/\s?#]+$/.test(origin));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `must be * or a comma list of origins such as https://www.example.com; not ${bad.join(', ')}` });
      return z.NEVER;
    }
    return origins;
  });

/** Every setting Dateline reads, with its default; the environment is the only source. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/dateline.db'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DATELINE_ADMIN_KEY: secretSetting(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  SITE_NAME: z.string().trim().min(1).max(100).default('Dateline'),
  ARTICLE_URL_TEMPLATE: z
    .url({ protocol: /^https?$/ })
    .refine((value) => value.includes('{slug}') || value.includes('{id}'), 'must contain {slug} or {id}')
    .optional(),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_SYNDICATION_MAX: z.coerce.number().int().min(1).default(3000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).max(24 * 60 * 60 * 1000).default(60_000),
  REQUEST_TIMEOUT_MS: milliseconds(1000, 600_000, 30_000),
  SHUTDOWN_TIMEOUT_MS: milliseconds(100, 600_000, 8000),
  TRUST_PROXY: TrustProxySetting,
  CORS_ORIGINS: CorsOriginsSetting,
  METRICS_TOKEN: secretSetting(),
  MAX_EVENT_LOOP_DELAY_MS: milliseconds(0, 60_000, 1000),
  COMMENTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  COMMENTS_EDIT_WINDOW_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(15),
  COMMENTS_FLAG_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(3),
  COMMENTS_AUTOCLOSE_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databasePath: string;
  logLevel: (typeof LOG_LEVELS)[number];
  adminKey: string | undefined;
  publicBaseUrl: string;
  bodyLimitBytes: number;
  /** The publication's name: feed titles, the JSON-LD publisher. */
  siteName: string;
  /** Where readers find an article on the web: `{slug}` and `{id}` are filled in. */
  articleUrlTemplate: string;
  rateLimit: Readonly<{ max: number; syndicationMax: number; windowMs: number }>;
  /** Longest time a client may take to send a whole request. */
  requestTimeoutMs: number;
  /** Longest time SIGTERM waits for in-flight requests before the process exits anyway. */
  shutdownTimeoutMs: number;
  trustProxy: TrustProxy;
  /** Browser origins allowed by CORS: none (empty), all ('*') or these. */
  corsOrigins: readonly string[] | '*';
  metricsToken: string | undefined;
  /** Requests are shed with 503 while the event loop lags more than this (0: never). */
  maxEventLoopDelayMs: number;
  comments: CommentSettings;
}>;

export type CommentSettings = Readonly<{
  /** Most comments one reader may post in any rolling minute. */
  perMinute: number;
  /** How long after posting the author may edit. */
  editWindowMs: number;
  /** Unresolved readers' flags that hide a comment until a moderator decides. */
  flagThreshold: number;
  /** Days after publication when an article stops taking comments; null: never. */
  autocloseDays: number | null;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError listing every bad variable by name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const publicBaseUrl = e.PUBLIC_BASE_URL.replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    logLevel: e.LOG_LEVEL,
    adminKey: e.DATELINE_ADMIN_KEY,
    publicBaseUrl,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    siteName: e.SITE_NAME,
    articleUrlTemplate: e.ARTICLE_URL_TEMPLATE ?? `${publicBaseUrl}/articles/{slug}`,
    rateLimit: Object.freeze({ max: e.RATE_LIMIT_MAX, syndicationMax: e.RATE_LIMIT_SYNDICATION_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS }),
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    metricsToken: e.METRICS_TOKEN,
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
    comments: Object.freeze({
      perMinute: e.COMMENTS_PER_MINUTE,
      editWindowMs: e.COMMENTS_EDIT_WINDOW_MINUTES * 60_000,
      flagThreshold: e.COMMENTS_FLAG_THRESHOLD,
      autocloseDays: e.COMMENTS_AUTOCLOSE_DAYS ?? null,
    }),
  });
}
