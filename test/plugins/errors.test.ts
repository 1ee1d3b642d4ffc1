import t from 'tap';
import { articleInput } from '../factories.js';
import { buildTestApp } from '../helper.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

t.test('unknown routes are 404 problems', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await ctx.inject({ url: '/v1/nothing-here?x=1' });
  t.equal(res.statusCode, 404);
  t.equal(res.headers['content-type'], PROBLEM);
  t.match(res.json(), { type: 'urn:dateline:problem:not-found', status: 404, code: 'not-found', detail: 'No route for GET /v1/nothing-here' });
});

t.test('URLs the router rejects are 400 problems too', async (t) => {
  const ctx = await buildTestApp(t);
  for (const url of ['/v1/entities/%E0%A4%A', `/v1/articles/${'a'.repeat(201)}/ninjs`, `/v1/keys/${'k'.repeat(300)}`]) {
    const res = await ctx.inject({ method: url.startsWith('/v1/keys') ? 'DELETE' : 'GET', url, headers: ctx.admin });
    t.equal(res.statusCode, 400, url.slice(0, 40));
    t.equal(res.headers['content-type'], PROBLEM);
    t.match(res.json(), { type: 'urn:dateline:problem:bad-url', status: 400, code: 'bad-url', request_id: res.headers['x-request-id'] });
  }
});

t.test('malformed JSON is a 400, an oversize body a 413, a wrong media type a 415', async (t) => {
  const ctx = await buildTestApp(t, { env: { BODY_LIMIT_BYTES: '2048' } });
  const headers = { ...ctx.admin, 'content-type': 'application/json' };
  const malformed = await ctx.inject({ method: 'POST', url: '/v1/articles', headers, payload: '{"title": ' });
  t.equal(malformed.statusCode, 400);
  t.equal(malformed.headers['content-type'], PROBLEM);
  t.equal(malformed.json().code, 'malformed-json');

  const huge = await ctx.inject({ method: 'POST', url: '/v1/articles', headers, payload: JSON.stringify(articleInput({ body: 'x'.repeat(5000) })) });
  t.equal(huge.statusCode, 413);
  t.equal(huge.json().code, 'payload-too-large');

  const xml = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: { ...ctx.admin, 'content-type': 'application/xml' }, payload: '<a/>' });
  t.equal(xml.statusCode, 415);
  t.equal(xml.json().code, 'unsupported-media-type');
  t.equal((await ctx.inject({ url: '/v1/articles', headers: ctx.admin })).json().data.length, 0, 'nothing was written');
});

t.test('routes without a body answer one that cannot be parsed as they document', async (t) => {
  const ctx = await buildTestApp(t);
  const document = (await ctx.inject({ url: '/openapi.json' })).json();
  const json = { ...ctx.admin, 'content-type': 'application/json' };
  const cases = [
    { method: 'DELETE', url: '/v1/entities/nobody', path: '/v1/entities/{id}', headers: json, payload: '{', status: 400 },
    { method: 'PUT', url: '/v1/articles/x/entities/y', path: '/v1/articles/{id}/entities/{entity_id}', headers: json, payload: '', status: 400 },
    { method: 'DELETE', url: '/v1/keys/nobody', path: '/v1/keys/{id}', headers: { ...ctx.admin, 'content-type': 'application/xml' }, payload: '<a/>', status: 415 },
  ] as const;
  for (const { path, status, ...request } of cases) {
    const res = await ctx.inject(request);
    t.equal(res.statusCode, status, `${request.method} ${request.url}`);
    t.equal(res.headers['content-type'], PROBLEM);
    t.ok(document.paths[path][request.method.toLowerCase()].responses[status], 'documented');
  }
});

t.test('a server failure is a 500 that does not echo internals, and is logged', async (t) => {
  const ctx = await buildTestApp(t);
  ctx.database.sqlite.exec('drop table article_tags');
  const res = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: ctx.admin, payload: articleInput() });
  t.equal(res.statusCode, 500);
  t.equal(res.headers['content-type'], PROBLEM);
  t.equal(res.json().code, 'internal-error');
  t.notMatch(res.body, /article_tags|sqlite|SQLITE|stack/i);
  t.ok(ctx.logs.some((line) => line.level === 50 && line.request_id === res.json().request_id), 'the error is logged with the request id');
  t.same(ctx.database.sqlite.prepare('select count(*) as n from articles').get(), { n: 0 }, 'the failed write left nothing behind');
});

t.test('request ids: generated, or taken from a well-formed X-Request-Id', async (t) => {
  const ctx = await buildTestApp(t);
  const generated = await ctx.inject({ url: '/health/live' });
  t.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const kept = await ctx.inject({ url: '/health/live', headers: { 'x-request-id': 'edge-1234' } });
  t.equal(kept.headers['x-request-id'], 'edge-1234');
  const hostile = await ctx.inject({ url: '/health/live', headers: { 'x-request-id': 'a"b\\n<script>' } });
  t.match(hostile.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  await ctx.inject({ url: '/v1/articles', headers: { 'x-request-id': 'edge-5678' } });
  t.ok(ctx.logs.some((line) => line.request_id === 'edge-5678'), 'logs carry the request id');
});

t.test('secrets never reach the logs', async (t) => {
  const ctx = await buildTestApp(t, { env: { LOG_LEVEL: 'trace' } });
  const created = await ctx.inject({ method: 'POST', url: '/v1/keys', headers: ctx.admin, payload: { name: 'desk', role: 'editor' } });
  const secret = created.json().secret as string;
  await ctx.inject({ url: '/v1/articles', headers: { authorization: `Bearer ${secret}` } });
  await ctx.inject({ url: '/v1/articles', headers: { authorization: 'Bearer dlk_wrong-secret-value' } });
  await ctx.inject({ url: `/v1/articles?limit=5&access_token=${secret}` });
  const text = JSON.stringify(ctx.logs);
  t.ok(ctx.logs.length >= 4, 'there are log lines to search');
  t.ok(text.includes('/v1/articles?limit=5&access_token=[redacted]'), 'credential-like query values are masked');
  for (const value of [secret, 'test-admin-secret', 'dlk_wrong-secret-value']) t.notOk(text.includes(value), `${value.slice(0, 8)}… is not logged`);
});
