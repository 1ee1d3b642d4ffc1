import { createHash } from 'node:crypto';
import t from 'tap';
import { createReader } from '../../factories.js';
import { buildTestApp } from '../../helper.js';
import { captureQueries } from '../../query-plans.js';

t.test('a new reader gets a token once; only its hash is stored and the e-mail is kept lowercase', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await ctx.inject({ method: 'POST', url: '/v1/readers', payload: { display_name: 'Anahit', email: 'Anahit.K@Example.AM' } });
  t.equal(res.statusCode, 201);
  t.equal(res.headers['cache-control'], 'no-store');
  t.equal(res.headers.location, '/v1/readers/me');
  const reader = res.json();
  t.match(reader, { display_name: 'Anahit', email: 'anahit.k@example.am', status: 'active', block: null, approved_comments: 0 });
  t.match(reader.token, /^dlr_[A-Za-z0-9_-]{43}$/);
  const stored = ctx.database.sqlite.prepare('select * from readers where id = ?').get(reader.id) as Record<string, unknown>;
  t.equal(stored.token_hash, createHash('sha256').update(reader.token).digest('hex'));
  t.notOk(JSON.stringify(stored).includes(reader.token), 'the token itself is not stored');

  const me = await ctx.inject({ url: '/v1/readers/me', headers: { authorization: `Bearer ${reader.token}` } });
  t.equal(me.statusCode, 200);
  t.equal(me.headers['cache-control'], 'no-store');
  const { token: _token, ...self } = reader;
  t.same(me.json(), self, 'the reader sees themself, e-mail included');
  t.notOk(me.body.includes('token_hash'));
});

t.test('the same e-mail twice makes two readers: the answer never tells whether an address is known', async (t) => {
  const ctx = await buildTestApp(t);
  const first = await createReader(ctx, { email: 'same@example.org' });
  const again = await ctx.inject({ method: 'POST', url: '/v1/readers', payload: { display_name: 'Other', email: 'SAME@example.org' } });
  t.equal(again.statusCode, 201);
  t.not(again.json().id, first.id);
  t.not(again.json().token, first.token);
});

t.test('bad reader input is a 400 naming the field', async (t) => {
  const ctx = await buildTestApp(t);
  const cases: [Record<string, unknown>, string][] = [
    [{ display_name: 'Ann' }, 'email'],
    [{ display_name: 'Ann', email: 'not-an-address' }, 'email'],
    [{ display_name: '   ', email: 'a@example.org' }, 'display_name'],
    [{ display_name: 'x'.repeat(51), email: 'a@example.org' }, 'display_name'],
    [{ display_name: 'Ann\u0007', email: 'a@example.org' }, 'display_name'],
    [{ display_name: 'Ann', email: 'a@example.org', status: 'blocked' }, '(root)'],
  ];
  for (const [payload, field] of cases) {
    const res = await ctx.inject({ method: 'POST', url: '/v1/readers', payload });
    t.equal(res.statusCode, 400, JSON.stringify(payload));
    t.match(res.json().errors, [{ in: 'body', field }]);
  }
  t.equal((ctx.database.sqlite.prepare('select count(*) as n from readers').get() as { n: number }).n, 0, 'nothing stored');
});

t.test('a display name answers to the discussion policy', async (t) => {
  const ctx = await buildTestApp(t);
  for (const display_name of ['sh1t happens', 'kys', 'buy at cheap-pills.com']) {
    const res = await ctx.inject({ method: 'POST', url: '/v1/readers', payload: { display_name, email: 'x@example.org' } });
    t.equal(res.statusCode, 400, display_name);
    t.match(res.json().errors, [{ field: 'display_name', message: /breaks the discussion policy/ }]);
  }
  for (const display_name of ['Dickens fan', 'Սերժ', 'Mr Scunthorpe']) {
    t.equal((await ctx.inject({ method: 'POST', url: '/v1/readers', payload: { display_name, email: 'x@example.org' } })).statusCode, 201, display_name);
  }
});

t.test('reader tokens and staff keys are told apart by prefix', async (t) => {
  const ctx = await buildTestApp(t);
  const reader = await createReader(ctx);
  t.equal((await ctx.inject({ url: '/v1/readers/me', headers: reader.headers })).statusCode, 200);
  t.equal((await ctx.inject({ url: '/v1/readers/me', headers: { authorization: 'Bearer dlr_unknown' } })).statusCode, 401);
  t.equal((await ctx.inject({ url: '/v1/readers/me' })).statusCode, 401);
  const staff = await ctx.inject({ url: '/v1/readers/me', headers: ctx.admin });
  t.equal(staff.statusCode, 403, 'a staff key is not a reader');
  t.equal((await ctx.inject({ url: '/v1/keys', headers: reader.headers })).statusCode, 403, 'a reader token is not a staff key');
  t.equal((await ctx.inject({ url: '/v1/articles?status=draft', headers: reader.headers })).statusCode, 403);
});

t.test("a signed-in reader's token is looked up once while nothing changes, and again after a write", async (t) => {
  const ctx = await buildTestApp(t);
  const reader = await createReader(ctx);
  t.equal((await ctx.inject({ url: '/feeds/articles.json', headers: reader.headers })).statusCode, 200);
  const lookups = async (work: () => Promise<unknown>) =>
    (await captureQueries(ctx.database, work)).filter((query) => query.sql.includes('"token_hash"')).length;
  const views = async () => {
    for (let i = 0; i < 3; i++) t.equal((await ctx.inject({ url: '/feeds/articles.json', headers: reader.headers })).statusCode, 200);
  };
  t.equal(await lookups(views), 0, 'three page views, no lookup');
  t.equal((await ctx.inject({ method: 'POST', url: '/v1/readers', payload: { display_name: 'Another', email: 'another@example.org' } })).statusCode, 201);
  t.equal(await lookups(views), 1, 'a write, then one lookup for the three');
});
