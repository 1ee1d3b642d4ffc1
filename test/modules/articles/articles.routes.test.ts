import t from 'tap';
import { articleInput, createArticle } from '../../factories.js';
import { buildTestApp, testClock } from '../../helper.js';

t.test('an editor creates a draft the public cannot see', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: ctx.admin, payload: articleInput({ title: 'CSTO Summit Adopts Resolutions' }) });
  t.equal(res.statusCode, 201);
  const article = res.json();
  t.match(article, {
    slug: 'csto-summit-adopts-resolutions',
    status: 'draft',
    revision: 1,
    published_at: null,
    dateline: { place: 'Moscow', source: 'ITAR-TASS' },
    body_html: '<p>The leaders <strong>adopted</strong> 22 documents.</p>\n<p>A second paragraph.</p>',
    body_text: 'The leaders adopted 22 documents.\n\nA second paragraph.',
    comments_mode: 'open',
    comment_count: 0,
    language: 'en',
  });
  t.match(article.id, /^[0-9a-f-]{36}$/);
  t.equal(res.headers.location, `/v1/articles/${article.id}`);
  t.match(res.headers.etag, /^"r1-/);

  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).statusCode, 404, 'public: draft by id is 404');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.slug}` })).statusCode, 404, 'public: draft by slug is 404');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.slug}`, headers: ctx.admin })).statusCode, 200, 'editor sees the draft');
  t.same((await ctx.inject({ url: '/v1/articles' })).json().data, [], 'public list is empty');
});

t.test('publishing makes an article public by id and by slug', async (t) => {
  const ctx = await buildTestApp(t);
  const draft = await createArticle(ctx);
  const res = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${draft.id}`, headers: ctx.admin, payload: { status: 'published' } });
  t.equal(res.statusCode, 200);
  t.equal(res.json().status, 'published');
  t.equal(res.json().revision, 2);
  t.ok(res.json().published_at);
  const byId = await ctx.inject({ url: `/v1/articles/${draft.id}` });
  t.equal(byId.statusCode, 200);
  t.equal(byId.json().title, draft.title);
  t.equal((await ctx.inject({ url: `/v1/articles/${draft.slug}` })).json().id, draft.id);
});

t.test('a scheduled article goes live by itself when its time comes', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const article = await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T12:00:00Z' });
  t.equal(article.status, 'scheduled');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).statusCode, 404, 'not yet public');
  t.same((await ctx.inject({ url: '/v1/articles' })).json().data, []);
  const listed = await ctx.inject({ url: '/v1/articles?status=scheduled', headers: ctx.admin });
  t.same(listed.json().data.map((a: { id: string }) => a.id), [article.id], 'editors list it as scheduled');

  clock.set('2026-11-28T12:00:00.001Z');
  const live = await ctx.inject({ url: `/v1/articles/${article.id}` });
  t.equal(live.statusCode, 200, 'public once the time has passed, with no job run');
  t.equal(live.json().status, 'published');
  t.equal(live.json().published_at, '2026-11-28T12:00:00.000Z');
  t.equal((await ctx.inject({ url: '/v1/articles' })).json().data.length, 1);
});

t.test('scheduling needs a future time', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const res = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: ctx.admin, payload: articleInput({ status: 'scheduled', published_at: '2020-01-01T00:00:00Z' }) });
  t.equal(res.statusCode, 400);
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(res.json(), { code: 'validation-error', errors: [{ in: 'body', field: 'published_at' }] });
  t.equal((await ctx.inject({ url: '/v1/articles', headers: ctx.admin })).json().data.length, 0, 'nothing stored');
});

t.test('archived articles disappear from the public', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { status: 'archived' } });
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).statusCode, 404);
  const again = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { status: 'published' } });
  t.equal(again.json().published_at, article.published_at, 'republishing keeps the original date');
});

t.test('every update stores the previous version', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { title: 'First headline' });
  const first = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Second headline' } });
  t.equal(first.json().revision, 2);
  t.equal(first.json().slug, article.slug, 'slug does not follow the title');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { body: 'New *body*' } });

  const res = await ctx.inject({ url: `/v1/articles/${article.id}/revisions`, headers: ctx.admin });
  t.equal(res.statusCode, 200);
  const revisions = res.json().data;
  t.same(revisions.map((r: { revision: number }) => r.revision), [2, 1], 'newest first');
  t.equal(revisions[1].article.title, 'First headline');
  t.equal(revisions[0].article.title, 'Second headline');
  t.equal(revisions[0].article.body, article.body);
  t.match(revisions[0].replaced_by, /^[0-9a-f-]{36}$/, 'records the key that replaced it');

  const current = await ctx.inject({ url: `/v1/articles/${article.id}`, headers: ctx.admin });
  t.equal(current.json().revision, 3);
  t.equal(current.json().body_html, '<p>New <em>body</em></p>');

  const noop = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Second headline' } });
  t.equal(noop.json().revision, 3, 'a patch that changes nothing makes no revision');

  const paged = await ctx.inject({ url: `/v1/articles/${article.id}/revisions?limit=1`, headers: ctx.admin });
  t.equal(paged.json().data.length, 1);
  const next = await ctx.inject({ url: `/v1/articles/${article.id}/revisions?limit=1&cursor=${paged.json().next_cursor}`, headers: ctx.admin });
  t.same(next.json().data.map((r: { revision: number }) => r.revision), [1]);
  t.equal(next.json().next_cursor, null);
});

t.test('a stale If-Match gets 412 and changes nothing', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx);
  const read = await ctx.inject({ url: `/v1/articles/${article.id}`, headers: ctx.admin });
  const etag = read.headers.etag as string;

  const winner = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: { ...ctx.admin, 'if-match': etag }, payload: { title: 'Winner' } });
  t.equal(winner.statusCode, 200);
  t.not(winner.headers.etag, etag, 'the ETag changes with the revision');

  const loser = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: { ...ctx.admin, 'if-match': etag }, payload: { title: 'Loser' } });
  t.equal(loser.statusCode, 412);
  t.match(loser.json(), { code: 'precondition-failed', status: 412 });
  const garbage = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: { ...ctx.admin, 'if-match': '"nonsense"' }, payload: { title: 'Loser' } });
  t.equal(garbage.statusCode, 412);
  const stale = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Loser', revision: 1 } });
  t.equal(stale.statusCode, 409, 'a stale revision in the body is a 409');
  t.equal(stale.json().code, 'revision-conflict');

  const stored = await ctx.inject({ url: `/v1/articles/${article.id}`, headers: ctx.admin });
  t.equal(stored.json().title, 'Winner');
  t.equal(stored.json().revision, 2);
  const star = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: { ...ctx.admin, 'if-match': '*' }, payload: { title: 'Any' } });
  t.equal(star.statusCode, 200, 'If-Match: * matches any version');
});

t.test('slugs: generated, unique, validated and stable once published', async (t) => {
  const ctx = await buildTestApp(t);
  const a = await createArticle(ctx, { title: 'Same headline' });
  const b = await createArticle(ctx, { title: 'Same headline' });
  t.equal(a.slug, 'same-headline');
  t.equal(b.slug, 'same-headline-2');
  const taken = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: ctx.admin, payload: articleInput({ slug: 'same-headline' }) });
  t.equal(taken.statusCode, 409);
  t.equal(taken.json().code, 'slug-taken');
  const bad = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: ctx.admin, payload: articleInput({ slug: 'Bad Slug!' }) });
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors, [{ field: 'slug' }]);

  const renamed = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${b.id}`, headers: ctx.admin, payload: { slug: 'better-slug' } });
  t.equal(renamed.json().slug, 'better-slug', 'a draft slug may change');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${b.id}`, headers: ctx.admin, payload: { status: 'published' } });
  const locked = await ctx.inject({ method: 'PATCH', url: `/v1/articles/${b.id}`, headers: ctx.admin, payload: { slug: 'another-slug' } });
  t.equal(locked.statusCode, 409);
  t.equal(locked.json().code, 'slug-locked');
});

t.test('delete removes the article and its revisions', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Edited' } });
  const res = await ctx.inject({ method: 'DELETE', url: `/v1/articles/${article.id}`, headers: ctx.admin });
  t.equal(res.statusCode, 204);
  t.equal(res.body, '');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}`, headers: ctx.admin })).statusCode, 404);
  t.equal((await ctx.inject({ method: 'DELETE', url: `/v1/articles/${article.id}`, headers: ctx.admin })).statusCode, 404);
  const left = ctx.database.sqlite.prepare('select (select count(*) from article_revisions) as revisions, (select count(*) from article_tags) as tags').get();
  t.same(left, { revisions: 0, tags: 0 });
});

t.test('bad input is a 400 problem naming every field, and nothing is stored', async (t) => {
  const ctx = await buildTestApp(t);
  const res = await ctx.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: ctx.admin,
    payload: { title: '', tags: 'not-a-list', canonical_url: 'javascript:alert(1)', status: 'live', extra: 1 },
  });
  t.equal(res.statusCode, 400);
  const fields = res.json().errors.map((e: { field: string }) => e.field);
  for (const field of ['title', 'tags', 'canonical_url', 'status']) t.ok(fields.includes(field), `names ${field}`);
  t.match(res.json().detail, /title/);
  const control = await ctx.inject({ method: 'POST', url: '/v1/articles', headers: ctx.admin, payload: articleInput({ title: 'bad\u0000title' }) });
  t.equal(control.statusCode, 400);
  t.equal((await ctx.inject({ url: '/v1/articles', headers: ctx.admin })).json().data.length, 0);
  const unknown = await ctx.inject({ method: 'PATCH', url: '/v1/articles/01890a5d-ac96-774b-bcce-b302099a8057', headers: ctx.admin, payload: { title: 'x' } });
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'not-found');
});

t.test('HTML in Markdown is sanitized; links keep only safe schemes', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, {
    body: 'Hello <script>alert(1)</script><img src=x onerror=alert(1)> [click](javascript:alert(1)) [ok](https://example.com "t")',
  });
  t.notMatch(article.body_html, /script|onerror|javascript/);
  t.match(article.body_html, /<a href="https:\/\/example.com" title="t">ok<\/a>/);
  t.notMatch(article.body_text, /alert/);
});
