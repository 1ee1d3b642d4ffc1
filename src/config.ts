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
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    logLevel: e.LOG_LEVEL,
    adminKey: e.DATELINE_ADMIN_KEY,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    comments: Object.freeze({
      perMinute: e.COMMENTS_PER_MINUTE,
      editWindowMs: e.COMMENTS_EDIT_WINDOW_MINUTES * 60_000,
      flagThreshold: e.COMMENTS_FLAG_THRESHOLD,
      autocloseDays: e.COMMENTS_AUTOCLOSE_DAYS ?? null,
    }),
  });
}
