import { createHash } from 'node:crypto';
import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

t.test('each route answers each kind of caller as documented, before looking at the body', async (t) => {
  const ctx = await buildTestApp(t, { env: { COMMENTS_PER_MINUTE: '1000' } });
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const author = await createReader(ctx);
  const callers = {
    anonymous: {},
    reader: reader.headers,
    syndication: await ctx.keyFor('syndication'),
    editor: await ctx.keyFor('editor'),
    moderator: await ctx.keyFor('moderator'),
    admin: ctx.admin,
  };
  const readerOnly = { anonymous: 401, reader: 'ok', syndication: 403, editor: 403, moderator: 403, admin: 403 };
  const moderatorOnly = { anonymous: 401, reader: 403, syndication: 403, editor: 403, moderator: 'ok', admin: 'ok' };
  const everyone = { anonymous: 'ok', reader: 'ok', syndication: 'ok', editor: 'ok', moderator: 'ok', admin: 'ok' };
  const fresh = async () => (await postComment(ctx, author, article.id)).id as string;

  const routes = [
    { method: 'GET', url: async () => '/v1/discussion-policy', expect: everyone },
    { method: 'GET', url: async () => `/v1/articles/${article.id}/comments`, expect: everyone },
    { method: 'GET', url: async () => `/v1/comment-counts?article=${article.id}`, expect: everyone },
    { method: 'GET', url: async () => '/v1/readers/me', expect: readerOnly },
    { method: 'POST', url: async () => `/v1/articles/${article.id}/comments`, body: () => ({ body: `Hi ${Math.random()}` }), expect: readerOnly, ok: 201 },
    { method: 'POST', url: async () => `/v1/comments/${await fresh()}/flags`, body: () => ({ reason: 'spam' }), expect: readerOnly, ok: 201 },
    { method: 'GET', url: async () => '/v1/moderation/comments', expect: moderatorOnly },
    { method: 'GET', url: async () => '/v1/moderation/log', expect: moderatorOnly },
    { method: 'POST', url: async () => `/v1/moderation/comments/${await fresh()}/decision`, body: () => ({ decision: 'reject', reason: 'x' }), expect: moderatorOnly },
    { method: 'POST', url: async () => `/v1/moderation/readers/${author.id}/block`, body: () => ({ reason: 'x', until: '2099-01-01T00:00:00Z' }), expect: moderatorOnly },
  ] as const;

  for (const route of routes) {
    for (const [caller, headers] of Object.entries(callers)) {
      const expected = route.expect[caller as keyof typeof route.expect];
      const url = await route.url();
      const payload = 'body' in route ? route.body() : undefined;
      const res = await ctx.inject({ method: route.method, url, headers, ...(payload ? { payload } : {}) });
      const want = expected === 'ok' ? ('ok' in route ? route.ok : 200) : expected;
      t.equal(res.statusCode, want, `${route.method} ${url.split('/').slice(0, 4).join('/')} as ${caller}`);
      if (expected !== 'ok' && 'body' in route) {
        const invalid = await ctx.inject({ method: route.method, url, headers, payload: { nonsense: true } });
        t.equal(invalid.statusCode, expected, `… the guard answers before the body is validated (${caller})`);
      }
    }
  }
  await ctx.inject({ method: 'DELETE', url: `/v1/moderation/readers/${author.id}/block`, headers: ctx.admin });
  for (const [caller, headers] of Object.entries(callers)) {
    const id = await fresh();
    const patch = await ctx.inject({ method: 'PATCH', url: `/v1/comments/${id}`, headers, payload: { body: 'changed' } });
    const remove = await ctx.inject({ method: 'DELETE', url: `/v1/comments/${id}`, headers });
    const expected = readerOnly[caller as keyof typeof readerOnly];
    t.equal(patch.statusCode, expected === 'ok' ? 403 : expected, `PATCH as ${caller} (a reader, but not the author)`);
    t.equal(remove.statusCode, expected === 'ok' ? 403 : expected, `DELETE as ${caller}`);
  }
});

t.test("a reader's e-mail and token hash appear nowhere but in their own /v1/readers/me", async (t) => {
  const ctx = await buildTestApp(t, { env: { COMMENTS_FLAG_THRESHOLD: '1' } });
  const moderator = await ctx.keyFor('moderator');
  const article = await createArticle(ctx, { status: 'published' });
  const planted = await createReader(ctx, { email: 'Planted.Address@Example.ORG', display_name: 'Planted' });
  const email = 'planted.address@example.org';
  const hash = createHash('sha256').update(planted.token).digest('hex');
  const other = await createReader(ctx);
  const top = await postComment(ctx, planted, article.id);
  const reply = await postComment(ctx, planted, article.id, { parent_id: top.id });
  const held = await postComment(ctx, planted, article.id, { body: 'you are an idiot' });
  await ctx.inject({ method: 'POST', url: `/v1/comments/${reply.id}/flags`, headers: other.headers, payload: { reason: 'spam' } });

  const responses = [
    await ctx.inject({ url: `/v1/articles/${article.id}/comments` }),
    await ctx.inject({ url: `/v1/articles/${article.id}/comments?view=thread` }),
    await ctx.inject({ url: `/v1/articles/${article.id}` }),
    await ctx.inject({ url: `/v1/comment-counts?article=${article.id}` }),
    await ctx.inject({ method: 'PATCH', url: `/v1/comments/${top.id}`, headers: planted.headers, payload: { body: 'An edited remark.' } }),
    await ctx.inject({ url: '/v1/moderation/comments', headers: moderator }),
    await ctx.inject({ url: '/v1/moderation/comments?queue=flagged', headers: moderator }),
    await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${held.id}/decision`, headers: moderator, payload: { decision: 'approve', reason: 'ok' } }),
    await ctx.inject({ method: 'POST', url: `/v1/moderation/readers/${planted.id}/block`, headers: moderator, payload: { reason: 'test' } }),
    await ctx.inject({ url: '/v1/moderation/log', headers: moderator }),
    await ctx.inject({ url: '/v1/readers/me', headers: other.headers }),
    await ctx.inject({ url: '/openapi.json' }),
  ];
  for (const res of responses) {
    t.ok(res.statusCode < 300, `${res.statusCode} ${res.body.slice(0, 80)}`);
    t.notOk(res.body.toLowerCase().includes(email), 'no e-mail');
    t.notOk(res.body.includes(hash) || res.body.includes(planted.token), 'no token or token hash');
  }
  t.ok(responses.at(-2)?.json().email, 'another reader sees only their own address');
  const me = await ctx.inject({ url: '/v1/readers/me', headers: planted.headers });
  t.equal(me.json().email, email, 'the reader sees their own');
  const logged = JSON.stringify(ctx.logs);
  t.notOk(logged.includes(planted.token) || logged.includes(email), 'nor do the logs');
});
