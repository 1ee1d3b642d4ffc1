import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { ADMIN_SECRET, childEnv } from './helper.js';
import { startServer as startServerProcess, type ServerProcess } from './hardening/server-process.js';
import { articleInput } from './factories.js';

// The real entry point as production runs it (one PID, so signals reach the server itself).
const SERVER = new URL('../src/server.ts', import.meta.url).pathname;
const GUARD_MS = 60_000; // failure guard only: nothing here asserts on timing

// Each test starts a real server process; on a busy machine that outlasts tap's default limit.
t.setTimeout(5 * GUARD_MS);

interface Server extends ServerProcess {
  port: number;
  dir: string;
  exit: ServerProcess['exited'];
}

/** The real server on a fresh database in a temp dir, killed and removed after the test. */
async function startServer(t: { teardown(fn: () => unknown): void }, env: Record<string, string> = {}): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-server-'));
  let server: ServerProcess | undefined;
  t.teardown(async () => {
    await server?.crash();
    rmSync(dir, { recursive: true, force: true });
  });
  server = await startServerProcess(join(dir, 'dateline.db'), env);
  return { ...server, port: Number(new URL(server.url).port), dir, exit: server.exited };
}

/**
 * Starts a POST whose body is held back until `finish` is called. `Expect: 100-continue` makes
 * the server confirm it has taken the request before anything else happens, so the request is
 * surely in flight when the test signals the server.
 */
async function heldRequest(port: number) {
  const body = JSON.stringify(articleInput({ status: 'published' }));
  const req: ClientRequest = request({
    port,
    host: '127.0.0.1',
    method: 'POST',
    path: '/v1/articles',
    headers: { authorization: `Bearer ${ADMIN_SECRET}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  response.catch(() => {});
  await once(req, 'continue');
  return { response, finish: () => req.end(body) };
}

t.test('SIGTERM mid-request: the request completes, the database is closed, exit 0', async (t) => {
  const server = await startServer(t);
  const held = await heldRequest(server.port);
  server.child.kill('SIGTERM');
  await server.waitFor(/shutting down: draining requests/);
  const refused = await fetch(`http://127.0.0.1:${server.port}/health/live`).then((res) => res.status, () => 'refused');
  t.not(refused, 200, 'new requests are not taken any more');
  held.finish();
  const response = await held.response;
  t.equal(response.status, 201, 'the in-flight request completed');
  t.equal(JSON.parse(response.body).status, 'published');
  const [code] = await server.exit;
  t.equal(code, 0);
  t.match(server.output(), /"msg":"stopped"/);
  t.notOk(existsSync(join(server.dir, 'dateline.db-wal')), 'WAL checkpointed and removed on close');
});

t.test('SIGINT stops an idle server the same way', async (t) => {
  const server = await startServer(t);
  server.child.kill('SIGINT');
  const [code] = await server.exit;
  t.equal(code, 0);
  t.match(server.output(), /"signal":"SIGINT"/);
});

t.test('a second signal exits at once, without waiting for the drain', async (t) => {
  const server = await startServer(t);
  const held = await heldRequest(server.port);
  server.child.kill('SIGTERM');
  await server.waitFor(/shutting down: draining requests/);
  server.child.kill('SIGTERM');
  const [code] = await server.exit;
  t.equal(code, 1);
  t.match(server.output(), /second signal: exiting at once/);
  await t.rejects(held.response, 'the held request was cut off');
});

t.test('the drain is bounded by SHUTDOWN_TIMEOUT_MS; the database is still closed', async (t) => {
  const server = await startServer(t, { SHUTDOWN_TIMEOUT_MS: '300' });
  const held = await heldRequest(server.port);
  server.child.kill('SIGTERM');
  const [code] = await server.exit;
  t.equal(code, 1, 'a drain that did not finish is not a clean exit');
  t.match(server.output(), /requests still running after the shutdown timeout/);
  t.notOk(existsSync(join(server.dir, 'dateline.db-wal')), 'WAL checkpointed and removed anyway');
  await t.rejects(held.response);
});

t.test("a quiet server's log lines show without waiting for more to fill a write", async (t) => {
  const server = await startServer(t);
  const response = await fetch(`${server.url}/v1/articles`, { headers: { 'x-request-id': 'quiet-line-1' } });
  t.equal(response.status, 200);
  // One access line is far short of a buffered write: the periodic flush writes it.
  await server.waitFor(/"request_id":"quiet-line-1"[^\n]*"msg":"request completed"/);
  t.pass('the access line was written while the server stayed idle');
});

t.test('bad configuration: exit 78 naming each bad variable, before listening', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: childEnv({ PORT: 'eighty', TRUST_PROXY: 'everyone', CORS_ORIGINS: 'example.com' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  t.equal(code, 78);
  t.match(stderr, /PORT/);
  t.match(stderr, /TRUST_PROXY: must be true, false or a comma list/);
  t.match(stderr, /CORS_ORIGINS: must be \* or a comma list of origins/);
});
