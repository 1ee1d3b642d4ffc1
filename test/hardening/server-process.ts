import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_SECRET, childEnv } from '../helper.js';

// The real entry point as production runs it: one PID, so a signal reaches the server itself.
const SERVER = new URL('../../src/server.ts', import.meta.url).pathname;
const START_GUARD_MS = 60_000; // failure guard only: nothing asserts on timing

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves once the output matches (or rejects after the guard, or when the process exits). */
  waitFor(pattern: RegExp): Promise<void>;
  /** The exit code and signal, once the process has exited. */
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  /** SIGKILL: no drain, no checkpoint, no close — a power cut as far as the process can tell. */
  crash(): Promise<void>;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Fetches with the admin key; the body, if any, goes as JSON unless a content type is given. */
export async function api(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const auth = { authorization: `Bearer ${ADMIN_SECRET}`, ...headers };
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const contentType: Record<string, string> = body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' };
  const res = await fetch(`${base}${path}`, { method, headers: { ...contentType, ...auth }, body: payload });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text, json: () => JSON.parse(text) };
}

/**
 * Starts `src/server.ts` on an ephemeral loopback port over `databasePath`, with limits opened
 * up so that only the behaviour under test decides the answers (no rate limit, no shedding).
 */
export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: childEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      DATELINE_ADMIN_KEY: ADMIN_SECRET,
      LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: '1000000',
      COMMENTS_PER_MINUTE: '1000',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Only the tail is kept: enough to explain a failure, bounded however long the process runs.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const waitFor = async (pattern: RegExp) => {
    for (let waited = 0; !pattern.test(output); waited += 25) {
      if (waited > START_GUARD_MS || !alive()) throw new Error(`no output ${pattern} in:\n${output}`);
      await sleep(25);
    }
  };
  const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/;
  try {
    await waitFor(listening);
  } catch (error) {
    if (alive()) child.kill('SIGKILL');
    throw new Error(`the server did not start: ${(error as Error).message}`);
  }
  return {
    url: listening.exec(output)?.[1] as string,
    child,
    output: () => output,
    waitFor,
    exited,
    async crash() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive()) child.kill('SIGTERM');
      return (await exited)[0];
    },
  };
}
