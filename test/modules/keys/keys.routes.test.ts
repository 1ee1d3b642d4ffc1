import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { OTHER_PROCESS_CHECK_MS } from '../../../src/db/generation.js';
import { systemClock } from '../../../src/lib/time.js';
import { createKeysService } from '../../../src/modules/keys/keys.service.js';
import { createReader } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

t.test('an admin creates a key whose secret is shown once and stored hashed', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await ctx.inject({ method: 'POST', url: '/v1/keys', headers: ctx.admin, payload: { name: 'desk', role: 'editor' } });
  t.equal(res.statusCode, 201);
  t.equal(res.headers['cache-control'], 'no-store');
  const key = res.json();
  t.match(key, { name: 'desk', role: 'editor', revoked_at: null, last_used_at: null });
  t.match(key.secret, /^dlk_[A-Za-z0-9_-]{43}$/);
  const stored = ctx.database.sqlite.prepare('select secret_hash from api_keys where id = ?').get(key.id) as { secret_hash: string };
  t.equal(stored.secret_hash, createHash('sha256').update(key.secret).digest('hex'));
  t.notOk(JSON.stringify(ctx.database.sqlite.prepare('select * from api_keys').all()).includes(key.secret), 'the secret itself is not stored');

  const listed = await ctx.inject({ url: '/v1/keys', headers: ctx.admin });
  t.equal(listed.statusCode, 200);
  t.notOk(listed.body.includes(key.secret), 'the list never shows secrets');
  t.notOk(listed.body.includes('secret_hash'));
  t.same(listed.json().data.map((k: { name: string }) => k.name), ['bootstrap admin (DATELINE_ADMIN_KEY)', 'desk']);

  const used = await ctx.inject({ url: '/v1/articles', headers: { authorization: `Bearer ${key.secret}` } });
  t.equal(used.statusCode, 200);
  const after = (await ctx.inject({ url: '/v1/keys', headers: ctx.admin })).json().data[1];
  t.type(after.last_used_at, 'string', 'last use is recorded');
});

t.test('a revoked key stops working at once', async (t) => {
  const ctx = await buildTestApp(t);
  const key = (await ctx.inject({ method: 'POST', url: '/v1/keys', headers: ctx.admin, payload: { name: 'temp', role: 'editor' } })).json();
  const auth = { authorization: `Bearer ${key.secret}` };
  t.equal((await ctx.inject({ url: '/v1/articles?status=draft', headers: auth })).statusCode, 200);
  const revoked = await ctx.inject({ method: 'DELETE', url: `/v1/keys/${key.id}`, headers: ctx.admin });
  t.equal(revoked.statusCode, 200);
  t.type(revoked.json().revoked_at, 'string');
  const denied = await ctx.inject({ url: '/v1/articles', headers: auth });
  t.equal(denied.statusCode, 401);
  t.equal(denied.json().code, 'unauthorized');
  t.same((await ctx.inject({ url: '/v1/keys', headers: ctx.admin })).json().data.length, 1, 'revoked keys are hidden by default');
  t.same((await ctx.inject({ url: '/v1/keys?include_revoked=true', headers: ctx.admin })).json().data.length, 2);
  t.equal((await ctx.inject({ method: 'DELETE', url: '/v1/keys/unknown', headers: ctx.admin })).statusCode, 404);
});

t.test('only admins manage keys', async (t) => {
  const ctx = await buildTestApp(t);
  const editor = await ctx.keyFor('editor');
  for (const [method, url] of [['GET', '/v1/keys'], ['POST', '/v1/keys'], ['DELETE', '/v1/keys/x']] as const) {
    t.equal((await ctx.inject({ method, url, headers: editor, payload: { name: 'x', role: 'admin' } })).statusCode, 403, `${method} ${url} as editor`);
    t.equal((await ctx.inject({ method, url, payload: { name: 'x', role: 'admin' } })).statusCode, 401, `${method} ${url} anonymous`);
  }
  const bad = await ctx.inject({ method: 'POST', url: '/v1/keys', headers: ctx.admin, payload: { name: 'x', role: 'root' } });
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors, [{ field: 'role' }]);
});

t.test('keys page with a cursor', async (t) => {
  const ctx = await buildTestApp(t);
  for (let i = 0; i < 3; i++) await ctx.keyFor('syndication');
  const first = await ctx.inject({ url: '/v1/keys?limit=2', headers: ctx.admin });
  t.equal(first.json().data.length, 2);
  t.match(first.headers.link, /rel="next"/);
  const second = await ctx.inject({ url: `/v1/keys?limit=2&cursor=${first.json().next_cursor}`, headers: ctx.admin });
  t.equal(second.json().data.length, 2);
  t.equal(second.json().next_cursor, null);
});

t.test('a credential is resolved by statements prepared once: a partner polling its feed builds no query', async (t) => {
  const ctx = await buildTestApp(t);
  const partner = await ctx.keyFor('syndication');
  const reader = await createReader(ctx);
  const first = await ctx.inject({ url: '/feeds/articles.json', headers: partner });
  t.equal(first.statusCode, 200);
  // Drizzle asks its connection to prepare every query it builds; a query prepared by hand
  // runs without asking. (drizzle() returns the connection as $client; the Db type omits it.)
  const client = (ctx.database.db as unknown as { $client: typeof ctx.database.sqlite }).$client;
  const built: string[] = [];
  const prepare = client.prepare;
  client.prepare = ((source: string) => {
    built.push(source);
    return prepare.call(client, source);
  }) as typeof client.prepare;
  t.teardown(() => {
    client.prepare = prepare;
  });
  const polls = [];
  for (let i = 0; i < 3; i++) polls.push(await ctx.inject({ url: '/feeds/articles.json', headers: { ...partner, 'if-none-match': String(first.headers.etag) } }));
  t.same(polls.map((res) => res.statusCode), [304, 304, 304]);
  // A reader's token and the admin's key are resolved the same way.
  t.equal((await ctx.inject({ url: '/feeds/articles.json', headers: reader.headers })).statusCode, 200);
  t.equal((await ctx.inject({ url: '/feeds/articles.json', headers: ctx.admin })).statusCode, 200);
  t.same(built, [], 'no query built per request');
});

t.test('a key revoked by another process (the CLI) stops working at once, although the server keeps resolved keys', async (t) => {
  const ctx = await buildTestApp(t);
  const key = (await ctx.inject({ method: 'POST', url: '/v1/keys', headers: ctx.admin, payload: { name: 'partner', role: 'syndication' } })).json();
  const auth = { authorization: `Bearer ${key.secret}` };
  for (let i = 0; i < 3; i++) t.equal((await ctx.inject({ url: '/feeds/articles.json', headers: auth })).statusCode, 200);
  const cli = openDatabase(ctx.database.sqlite.name);
  t.teardown(() => cli.close());
  createKeysService({ database: cli, clock: systemClock }).revoke(key.id);
  // Another connection's commit is looked for at most once a millisecond.
  await sleep(OTHER_PROCESS_CHECK_MS * 2);
  const denied = await ctx.inject({ url: '/feeds/articles.json', headers: auth });
  t.equal(denied.statusCode, 401);
  t.equal(denied.json().code, 'unauthorized');
});
