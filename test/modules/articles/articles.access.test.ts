import t from 'tap';
import { articleInput, createArticle } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

t.test('article routes answer each kind of caller as documented', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const callers = {
    anonymous: {},
    malformed: { authorization: 'Token abc' },
    unknown: { authorization: 'Bearer dlk_not-a-real-key' },
    syndication: await ctx.keyFor('syndication'),
    moderator: await ctx.keyFor('moderator'),
    editor: await ctx.keyFor('editor'),
    admin: ctx.admin,
  };
  const revokedKey = await ctx.inject({ method: 'POST', url: '/v1/keys', headers: ctx.admin, payload: { name: 'old', role: 'editor' } });
  await ctx.inject({ method: 'DELETE', url: `/v1/keys/${revokedKey.json().id}`, headers: ctx.admin });
  const all = { ...callers, revoked: { authorization: `Bearer ${revokedKey.json().secret}` } };

  const write = { anonymous: 401, malformed: 401, unknown: 401, revoked: 401, syndication: 403, moderator: 403, editor: 'ok', admin: 'ok' };
  const read = { anonymous: 200, malformed: 401, unknown: 401, revoked: 401, syndication: 200, moderator: 200, editor: 200, admin: 200 };
  const routes = [
    { name: 'create', method: 'POST', url: () => '/v1/articles', payload: () => articleInput(), expect: write, ok: 201 },
    { name: 'import', method: 'POST', url: () => '/v1/articles/import', payload: () => `Headline ${Math.random()}\n\nWASHINGTON (AP) — Body text here.`, expect: write, ok: 201, type: 'text/plain' },
    { name: 'update', method: 'PATCH', url: () => `/v1/articles/${article.id}`, payload: () => ({ title: `t ${Math.random()}` }), expect: write, ok: 200 },
    { name: 'revisions', method: 'GET', url: () => `/v1/articles/${article.id}/revisions`, expect: write, ok: 200 },
    { name: 'read', method: 'GET', url: () => `/v1/articles/${article.id}`, expect: read },
    { name: 'list', method: 'GET', url: () => '/v1/articles', expect: read },
  ] as const;

  for (const route of routes) {
    for (const [caller, headers] of Object.entries(all)) {
      const expected = route.expect[caller as keyof typeof route.expect];
      const payload = 'payload' in route ? route.payload() : undefined;
      const res = await ctx.inject({
        method: route.method,
        url: route.url(),
        headers: { ...headers, ...('type' in route ? { 'content-type': route.type } : {}) },
        ...(payload === undefined ? {} : { payload }),
      });
      const want = expected === 'ok' ? ('ok' in route ? route.ok : 200) : expected;
      t.equal(res.statusCode, want, `${route.name} as ${caller}`);
      if (res.statusCode >= 400) t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      if (res.statusCode === 401) t.equal(res.headers['www-authenticate'], 'Bearer');
    }
  }

  const removal = { anonymous: 401, syndication: 403, moderator: 403, editor: 204 };
  for (const [caller, status] of Object.entries(removal)) {
    const victim = await createArticle(ctx);
    const res = await ctx.inject({ method: 'DELETE', url: `/v1/articles/${victim.id}`, headers: all[caller as keyof typeof all] });
    t.equal(res.statusCode, status, `delete as ${caller}`);
  }
});
