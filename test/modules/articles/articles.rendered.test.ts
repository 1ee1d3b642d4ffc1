import t from 'tap';
import { createArticle } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

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
