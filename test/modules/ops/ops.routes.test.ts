import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import t from 'tap';
import { buildTestApp } from '../../helper.js';

t.test('liveness and readiness on a migrated database', async (t) => {
  const ctx = await buildTestApp(t);
  const live = await ctx.inject({ url: '/health/live' });
  t.equal(live.statusCode, 200);
  t.same(live.json(), { status: 'ok' });
  t.equal(live.headers['cache-control'], 'no-store');
  const ready = await ctx.inject({ url: '/health/ready' });
  t.equal(ready.statusCode, 200);
  t.same(ready.json(), { status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
});

t.test('readiness fails with a reason when a migration is missing', async (t) => {
  const ctx = await buildTestApp(t);
  ctx.database.sqlite.exec('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
  const res = await ctx.inject({ url: '/health/ready' });
  t.equal(res.statusCode, 503);
  t.same(res.json(), { status: 'unavailable', checks: { database: 'ok', migrations: '1 pending' } });
});

t.test('readiness fails when the database is gone', async (t) => {
  const ctx = await buildTestApp(t);
  ctx.database.sqlite.close();
  const res = await ctx.inject({ url: '/health/ready' });
  t.equal(res.statusCode, 503);
  t.same(res.json(), { status: 'unavailable', checks: { database: 'unreachable' } });
  t.equal((await ctx.inject({ url: '/health/live' })).statusCode, 200, 'the process is still alive');
});

t.test('readiness answers "locked", quickly, while another connection holds the write lock', async (t) => {
  const ctx = await buildTestApp(t);
  const other = new Database(ctx.config.databasePath);
  t.teardown(() => other.close());
  other.exec('begin exclusive');
  const locked = await ctx.inject({ url: '/health/ready' });
  t.equal(locked.statusCode, 503);
  t.same(locked.json(), { status: 'unavailable', checks: { database: 'locked' } });
  t.ok(ctx.logs.some((line) => line.level === 40 && line.msg === 'not ready'), 'a failing probe is logged, with its checks');
  other.exec('rollback');
  t.equal((await ctx.inject({ url: '/health/ready' })).statusCode, 200, 'ready again once the lock is released');
});

t.test('readiness answers "missing" when the database file is gone', async (t) => {
  const ctx = await buildTestApp(t);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${ctx.config.databasePath}${suffix}`, { force: true });
  const res = await ctx.inject({ url: '/health/ready' });
  t.equal(res.statusCode, 503);
  t.same(res.json(), { status: 'unavailable', checks: { database: 'missing' } });
});
