import t from 'tap';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openDatabase } from '../../../src/db/client.js';
import { createRenderCache, type RenderCache } from '../../../src/lib/render-cache.js';
import { createArticle } from '../../factories.js';
import { buildTestApp } from '../../helper.js';
import { captureQueries } from '../../query-plans.js';

// Public reads are answered from rendered bodies kept in memory (src/lib/render-cache.ts):
// each must show a write on the very next request, whether the write went through the API
// or straight into the database (another process, the CLI).
t.test('kept public bodies never outlive an edit, a comment count or a new article', async (t) => {
  const ctx = await buildTestApp(t);
  await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: { name: 'Armenia', type: 'place' } });
  const article = await createArticle(ctx, { status: 'published', title: 'Quartz talks open', body: 'Armenia hosts the quartz talks.' });
  const urls = [
    '/v1/articles',
    `/v1/articles/${article.slug}`,
    `/v1/articles/${article.slug}?include=entities`,
    '/v1/search?q=quartz',
    '/v1/entities/armenia/articles',
    '/feeds/articles.json',
  ];
  const bodies = async () => Promise.all(urls.map(async (url) => (await ctx.inject({ url })).body));
  const before = await bodies();
  t.same(await bodies(), before, 'read twice, the same bytes');
  for (const body of before) t.match(body, 'Quartz talks open');

  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Quartz talks close' } });
  const edited = await bodies();
  edited.forEach((body, i) => t.match(body, 'Quartz talks close', `${urls[i]} shows the edit`));

  ctx.database.sqlite.prepare('update articles set comment_count = 4 where id = ?').run(article.id);
  const counted = await bodies();
  counted.slice(0, 5).forEach((body, i) => t.match(body, '"comment_count":4', `${urls[i]} shows the new count`));

  await createArticle(ctx, { status: 'published', title: 'Quartz deal signed', body: 'Armenia signs the quartz deal.' });
  const grown = await bodies();
  for (const i of [0, 3, 4, 5]) t.match(grown[i], 'Quartz deal signed', `${urls[i]} lists the new article`);
});

t.test('editors are never answered from what the public was given', async (t) => {
  const ctx = await buildTestApp(t);
  await createArticle(ctx, { status: 'published', title: 'Public piece' });
  const publicList = await ctx.inject({ url: '/v1/articles' });
  await createArticle(ctx, { title: 'Draft piece' });
  t.notMatch(publicList.body, 'Draft piece');
  t.match((await ctx.inject({ url: '/v1/articles', headers: ctx.admin })).body, 'Draft piece');
  t.notMatch((await ctx.inject({ url: '/v1/articles' })).body, 'Draft piece');
});

t.test('a kept article is answered without reading its body from the database', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published', title: 'Quartz talks open', body: 'A long read. '.repeat(500) });
  const urls = [`/v1/articles/${article.slug}`, `/v1/articles/${article.id}?include=entities`, `/v1/articles/${article.slug}/jsonld`, `/v1/articles/${article.slug}/ninjs`];
  for (const url of urls) {
    const first = await ctx.inject({ url });
    const queries = await captureQueries(ctx.database, async () => {
      const again = await ctx.inject({ url });
      t.equal(again.body, first.body, `${url}: the same bytes`);
      t.equal(again.headers.etag, first.headers.etag);
    });
    t.notOk(queries.some((q) => /body_html/.test(q.sql)), `${url}: no query reads the body`);
    t.notOk(queries.some((q) => /\bmentions\b/.test(q.sql)), `${url}: nor the entities it names`);
  }
});

for (const format of ['', '/ninjs', '/jsonld']) {
  t.test(`an article written by another process while it is being read is answered new and not kept (${format || 'the article'})`, async (t) => {
    const real = createRenderCache();
    let writeBetween: (() => void) | undefined;
    // The render cache is asked after the article's head (its validators) has been read and before its body
    // is: the moment another process's commit is hardest to see.
    const racing: RenderCache = {
      ...real,
      send(...args: Parameters<RenderCache['send']>) {
        writeBetween?.();
        writeBetween = undefined;
        return real.send(...args);
      },
    };
    const ctx = await buildTestApp(t, { renderCache: racing });
    const article = await createArticle(ctx, { status: 'published', title: 'Quartz talks open', body: 'First version.' });
    const other = openDatabase(ctx.config.databasePath);
    t.teardown(() => other.close());
    writeBetween = () => {
      other.sqlite.prepare("update articles set body = 'Second version.', body_html = '<p>Second version.</p>', body_text = 'Second version.', revision = revision + 1 where id = ?").run(article.id);
    };
    const url = `/v1/articles/${article.slug}${format}`;
    const kept = real.size;
    const raced = await ctx.inject({ url });
    t.equal(raced.statusCode, 200);
    t.match(raced.body, 'Second version.', 'the body as it is now');
    t.notMatch(raced.body, 'First version.');
    if (format === '') {
      t.equal(raced.json().revision, 2);
      t.match(raced.headers.etag, /^"r2-/, 'with the validators of what it shows');
    }
    t.equal(real.size, kept, 'not kept under the key of the version read first');

    const next = await ctx.inject({ url });
    t.equal(next.body, raced.body, 'the next read agrees');
    t.equal(next.headers.etag, raced.headers.etag, 'and so do the validators');
    t.equal(real.size, kept + 1, 'and is kept');
  });
}

t.test("a browser's reads are compressed once and answered from the kept bytes", async (t) => {
  const cache = createRenderCache();
  const ctx = await buildTestApp(t, { renderCache: cache });
  const article = await createArticle(ctx, { status: 'published', title: 'Quartz talks open', body: 'Armenia hosts the quartz talks. '.repeat(100) });
  // Enough summaries for the list page to pass the compression threshold.
  for (let i = 0; i < 8; i++) await createArticle(ctx, { status: 'published', title: `Quartz bulletin ${i}` });
  const browser = { 'accept-encoding': 'gzip, deflate, br' };
  for (const url of ['/v1/articles', `/v1/articles/${article.slug}`, '/feeds/articles.json']) {
    const plain = await ctx.inject({ url });
    const kept = cache.bytes;
    const first = await ctx.inject({ url, headers: browser });
    t.equal(first.statusCode, 200);
    t.equal(first.headers['content-encoding'], 'br', `${url}: compressed`);
    t.equal(brotliDecompressSync(first.rawPayload).toString(), plain.body, `${url}: the same body`);
    t.equal(first.headers.etag, plain.headers.etag);
    t.equal(String(first.headers.vary).match(/accept-encoding/gi)?.length, 1, `${url}: Vary names Accept-Encoding once`);
    t.equal(cache.bytes, kept + first.rawPayload.length, `${url}: the compressed bytes are kept`);
    const second = await ctx.inject({ url, headers: browser });
    t.same(second.rawPayload, first.rawPayload, `${url}: the next reader gets them`);
    t.equal(cache.bytes, kept + first.rawPayload.length, `${url}: nothing compressed again`);
  }
  const gzipped = await ctx.inject({ url: `/v1/articles/${article.slug}`, headers: { 'accept-encoding': 'gzip' } });
  t.equal(gunzipSync(gzipped.rawPayload).toString(), (await ctx.inject({ url: `/v1/articles/${article.slug}` })).body);
  const editor = await ctx.inject({ url: `/v1/articles/${article.slug}`, headers: { ...ctx.admin, ...browser } });
  t.equal(editor.headers['content-encoding'], 'br', "an editor's view, never kept, is still compressed");
  t.match(JSON.parse(brotliDecompressSync(editor.rawPayload).toString()), { slug: article.slug });
});
