import t from 'tap';
import { NewsArticleJsonLd, Ninjs } from '../../../src/modules/feeds/article-formats.schemas.js';
import { createArticle } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

t.test('JSON-LD and ninjs of a published article, by id or slug', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const jsonld = await ctx.inject({ url: `/v1/articles/${article.slug}/jsonld` });
  t.equal(jsonld.statusCode, 200);
  t.equal(jsonld.headers['content-type'], 'application/ld+json; charset=utf-8');
  const doc = NewsArticleJsonLd.parse(jsonld.json());
  t.equal(doc.url, `https://news.example/articles/${article.slug}`);
  t.equal(doc.dateline, 'Moscow (ITAR-TASS)');
  t.notOk('commentCount' in doc, 'no comments, no commentCount');

  const ninjs = await ctx.inject({ url: `/v1/articles/${article.id}/ninjs` });
  t.equal(ninjs.headers['content-type'], 'application/json; charset=utf-8');
  t.equal(Ninjs.parse(ninjs.json()).uri, `urn:uuid:${article.id}`);

  ctx.database.sqlite.prepare('update articles set comment_count = 2 where id = ?').run(article.id);
  const commented = await ctx.inject({ url: `/v1/articles/${article.id}/jsonld`, headers: { 'if-none-match': jsonld.headers.etag as string } });
  t.equal(commented.statusCode, 200, 'the comment count is part of the representation');
  t.equal(commented.json().commentCount, 2);
});

t.test('conditional GETs, and who may see and cache what', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const draft = await createArticle(ctx);
  for (const format of ['jsonld', 'ninjs']) {
    const url = `/v1/articles/${article.id}/${format}`;
    const first = await ctx.inject({ url });
    t.equal(first.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=300');
    t.match(first.headers.etag, new RegExp(`^"${format}-`));
    t.equal((await ctx.inject({ url, headers: { 'if-none-match': first.headers.etag as string } })).statusCode, 304);
    t.equal((await ctx.inject({ url: `/v1/articles/${draft.id}/${format}` })).statusCode, 404, `${format}: drafts are not public`);
    const editor = await ctx.inject({ url: `/v1/articles/${draft.id}/${format}`, headers: ctx.admin });
    t.equal(editor.statusCode, 200, `${format}: editors see drafts`);
    t.equal(editor.headers['cache-control'], 'private, no-store');
  }
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Edited' } });
  const before = await ctx.inject({ url: `/v1/articles/${draft.id}/ninjs`, headers: ctx.admin });
  t.equal(before.json().pubstatus, 'withheld');
  const edited = await ctx.inject({ url: `/v1/articles/${article.id}/ninjs` });
  t.equal(edited.json().headlines[0].value, 'Edited');
  t.equal(edited.json().version, '2');
});

t.test("a format's ETag follows the entities the article names, and nothing else", async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published', body: 'Talks in Moscow.' });
  const entity = await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: { name: 'Nikol Pashinyan', type: 'person' } });
  t.equal(entity.statusCode, 201);
  for (const format of ['jsonld', 'ninjs']) {
    const url = `/v1/articles/${article.slug}/${format}`;
    const first = await ctx.inject({ url });
    const etag = first.headers.etag as string;
    // The same dateline: the other article names the same place and agency, which moves their
    // article counts, not this representation.
    await createArticle(ctx, { status: 'published', title: `Elsewhere ${format}` });
    const unrelated = await ctx.inject({ url, headers: { 'if-none-match': etag } });
    t.equal(unrelated.statusCode, 304, `${format}: another article's write leaves this one current`);

    const linked = await ctx.inject({ method: 'PUT', url: `/v1/articles/${article.id}/entities/${entity.json().id}`, headers: ctx.admin });
    t.equal(linked.statusCode < 300, true, `${format}: linked`);
    const after = await ctx.inject({ url, headers: { 'if-none-match': etag } });
    t.equal(after.statusCode, 200, `${format}: a new entity link is a new representation`);
    t.not(after.headers.etag, etag);
    t.match(after.body, 'Nikol Pashinyan');
    await ctx.inject({ method: 'DELETE', url: `/v1/articles/${article.id}/entities/${entity.json().id}`, headers: ctx.admin });
    const unlinked = await ctx.inject({ url });
    t.notMatch(unlinked.body, 'Nikol Pashinyan', `${format}: and unlinking shows at once`);
  }
});
