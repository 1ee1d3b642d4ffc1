import t from 'tap';
import { buildTestApp } from '../helper.js';

const LIMITS = { RATE_LIMIT_MAX: '3', RATE_LIMIT_SYNDICATION_MAX: '5', RATE_LIMIT_WINDOW_MS: '60000' };

t.test('anonymous callers get a budget per address, with RateLimit headers and a 429 problem', async (t) => {
  const ctx = await buildTestApp(t, { env: LIMITS });
  for (const remaining of [2, 1, 0]) {
    const res = await ctx.inject({ url: '/v1/articles' });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['ratelimit-limit'], '3');
    t.equal(res.headers['ratelimit-remaining'], String(remaining));
    t.ok(Number(res.headers['ratelimit-reset']) > 0 && Number(res.headers['ratelimit-reset']) <= 60, 'seconds until the window resets');
  }
  const limited = await ctx.inject({ url: '/feeds/articles.json' });
  t.equal(limited.statusCode, 429, 'the budget spans every route');
  t.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(limited.headers['cache-control'], 'no-store');
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After in seconds');
  t.equal(limited.headers['ratelimit-remaining'], '0');
  t.match(limited.json(), { status: 429, code: 'rate-limited', type: 'urn:dateline:problem:rate-limited', detail: /3 requests per 60 s/ });

  const elsewhere = await ctx.inject({ url: '/v1/articles', remoteAddress: '203.0.113.9' });
  t.equal(elsewhere.statusCode, 200, 'another address has its own budget');
  for (let i = 0; i < 5; i++) t.equal((await ctx.inject({ url: '/health/ready' })).statusCode, 200, 'health probes are never limited');
  t.notOk('ratelimit-limit' in (await ctx.inject({ url: '/health/live' })).headers);
});

t.test('an IPv6 caller is counted per /64, and an IPv4 address the same however it is written', async (t) => {
  const ctx = await buildTestApp(t, { env: LIMITS });
  const statuses = async (remoteAddress: string, times: number) => {
    const seen = [];
    for (let i = 0; i < times; i++) seen.push((await ctx.inject({ url: '/v1/articles', remoteAddress })).statusCode);
    return seen;
  };
  // One subscriber's devices share a /64: their addresses count together.
  t.same(await statuses('2001:db8:85a3:7:1::1', 2), [200, 200]);
  t.same(await statuses('2001:DB8:85A3:7:ffff:ffff:ffff:fffe', 2), [200, 429], 'the same /64, written otherwise, shares the budget');
  t.same(await statuses('2001:db8:85a3:8::1', 1), [200], 'the next /64 has its own');
  t.same(await statuses('198.51.100.7', 3), [200, 200, 200]);
  t.same(await statuses('::ffff:198.51.100.7', 1), [429], 'an IPv4-mapped address is that IPv4 address');
});

t.test('each key counts on its own; syndication keys get the larger budget', async (t) => {
  const ctx = await buildTestApp(t, { env: LIMITS });
  const syndication = await ctx.keyFor('syndication');
  const editor = await ctx.keyFor('editor');
  for (let i = 0; i < 3; i++) await ctx.inject({ url: '/v1/articles' });
  t.equal((await ctx.inject({ url: '/v1/articles' })).statusCode, 429, 'the address is spent');

  const partner = [];
  for (let i = 0; i < 6; i++) partner.push(await ctx.inject({ url: '/feeds/articles.rss', headers: syndication }));
  t.same(partner.map((res) => res.statusCode), [200, 200, 200, 200, 200, 429], 'a syndication key, from the same address, has 5');
  t.equal(partner[0]?.headers['ratelimit-limit'], '5');

  const desk = [];
  for (let i = 0; i < 4; i++) desk.push((await ctx.inject({ url: '/v1/articles', headers: editor })).statusCode);
  t.same(desk, [200, 200, 200, 429], 'other keys have the default budget');
});

t.test('the contract documents 429 on limited routes only', async (t) => {
  const ctx = await buildTestApp(t);
  const document = (await ctx.inject({ url: '/openapi.json' })).json();
  t.ok(document.paths['/feeds/articles.json'].get.responses['429'], 'feeds');
  t.ok(document.paths['/v1/articles'].post.responses['429'], 'writes');
  t.notOk(document.paths['/health/ready'].get.responses['429'], 'not health');
});
