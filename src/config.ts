import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting Dateline reads, with its default; the environment is the only source. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/dateline.db'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DATELINE_ADMIN_KEY: z
    .string()
    .min(24, 'must be at least 24 characters so it cannot be guessed')
    .optional(),
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
  });
}
