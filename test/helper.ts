import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOverrides } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { OTHER_PROCESS_CHECK_MS } from '../src/db/generation.js';
import type { Role } from '../src/lib/vocabulary.js';

/**
 * Waits until a commit made through another connection shows: each process asks SQLite about
 * other processes' commits at most once per OTHER_PROCESS_CHECK_MS (src/db/generation.ts).
 */
export const otherProcessCommitsShow = () => new Promise<void>((resolve) => setTimeout(resolve, OTHER_PROCESS_CHECK_MS + 1));

export const ADMIN_SECRET = 'test-admin-secret-0123456789abcdef';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** A clock tests can move; starts at a fixed instant so dates in assertions are stable. */
export function testClock(start = Date.parse('2026-11-28T09:00:00.000Z')) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    set: (iso: string) => {
      now = Date.parse(iso);
    },
    advance: (ms: number) => {
      now += ms;
    },
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  dir: string;
  /** Bearer header of the bootstrap admin key. */
  admin: { authorization: string };
  /** Creates a key with this role through the API and returns its bearer header. */
  keyFor(role: Role): Promise<{ authorization: string }>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Log lines written so far, parsed. */
  logs: Record<string, unknown>[];
}

/** Builds the real app on a fresh SQLite file in a temp dir; closed and removed after the test. */
export async function buildTestApp(t: Teardown, overrides: AppOverrides & { env?: Record<string, string> } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-test-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'dateline.db'),
    LOG_LEVEL: 'info',
    DATELINE_ADMIN_KEY: ADMIN_SECRET,
    PUBLIC_BASE_URL: 'https://news.example',
    // Tests make many requests from one address; the rate-limit tests set their own small budgets.
    RATE_LIMIT_MAX: '100000',
    // The first article a test writes loads the NLP model, a second of blocking work on a busy
    // machine: load shedding would turn the next request into a 503. Its own test turns it on.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...overrides.env,
  });
  const logs: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const database = overrides.database ?? openDatabase(config.databasePath);
  const app = await buildApp(config, { logStream, ...overrides, database });
  t.teardown(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const admin = { authorization: `Bearer ${ADMIN_SECRET}` };
  return {
    app,
    database,
    config,
    dir,
    admin,
    logs,
    inject: (options) => app.inject(options),
    async keyFor(role) {
      const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: admin, payload: { name: `test ${role}`, role } });
      if (res.statusCode !== 201) throw new Error(`could not create ${role} key: ${res.body}`);
      return { authorization: `Bearer ${res.json().secret}` };
    },
  };
}

/**
 * The environment for a child process a test starts (the real server, the CLI). tap would
 * record its coverage too, but of code compiled by tsx: merged with the suite's own coverage
 * of the same files, it garbles the report. So the child records none.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, _TAPJS_PROCESSINFO_COVERAGE_: '0', ...extra };
}
