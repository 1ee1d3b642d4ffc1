import t from 'tap';
import { createRenderCache, NO_RENDER_CACHE } from '../../src/lib/render-cache.js';
import { createArticle } from '../factories.js';
import { buildTestApp, testClock } from '../helper.js';
import { captureQueries, FULL_WORK, queryPlan } from '../query-plans.js';

t.test('hot read paths use indexes only: no table scan, no sort of the whole result', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock(), renderCache: createRenderCache(NO_RENDER_CACHE) });
  for (let i = 0; i < 30; i++) {
    await createArticle(ctx, {
      status: i % 3 === 0 ? 'draft' : 'published',
      published_at: i % 3 === 0 ? null : `2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
      section: i % 2 ? 'World' : 'Sport',
      tags: [`tag-${i % 4}`],
    });
  }
  for (const name of ['Armenia', 'Russia']) {
    await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: { name, type: 'place' } });
  }
  for (let i = 0; i < 10; i++) await createArticle(ctx, { status: 'published', body: i % 2 ? 'Armenia and Russia' : 'Armenia' });
  ctx.database.sqlite.exec('analyze');
  const cursor = (await ctx.inject({ url: '/v1/articles?limit=2' })).json().next_cursor;
  const paths = [
    '/v1/articles',
    `/v1/articles?cursor=${cursor}`,
    '/v1/articles?section=world',
    '/v1/articles?tag=tag-1',
    `/v1/articles?tag=tag-1&cursor=${cursor}`,
    '/v1/articles?published_after=2026-10-05T00:00:00Z&published_before=2026-10-20T00:00:00Z',
    '/v1/articles?status=draft',
    '/v1/articles?status=scheduled',
    '/v1/articles?tag=tag-2&status=draft',
    '/v1/articles?entity=armenia',
    '/v1/articles?entity=armenia&entity=russia',
    '/v1/entities/armenia/articles',
    '/v1/entities/armenia',
    '/v1/entities?type=place',
    '/v1/entities?sort=name',
  ];
  const first = (await ctx.inject({ url: '/v1/articles' })).json().data[0];
  paths.push(`/v1/articles/${first.id}`, `/v1/articles/${first.slug}`, `/v1/articles/${first.slug}?include=entities`, '/v1/articles?include=entities');

  for (const [path, headers] of paths.flatMap((path) => [[path, ctx.admin], [path, {}]] as const)) {
    if (/status=(draft|scheduled)/.test(path) && !('authorization' in headers)) continue;
    const queries = await captureQueries(ctx.database, () => ctx.inject({ url: path, headers }));
    const reads = queries.filter((q) => /^\s*select/i.test(q.sql) && /from "(articles|article_tags|mentions|entities)"/.test(q.sql));
    t.ok(reads.length > 0, `${path} reads articles`);
    for (const query of reads) {
      const plan = queryPlan(ctx.database, query);
      // Embedded entities are sorted by salience per article: a sort of the page's own
      // mentions (a few dozen an article), which does not grow with the corpus.
      const pageMentions = plan.some((step) => /^SEARCH mentions .*\(article_seq=\?\)$/.test(step));
      const work = plan.filter((step) => FULL_WORK.test(step) && !(pageMentions && /^USE TEMP B-TREE FOR (LAST \d+ TERMS OF )?ORDER BY$/.test(step)));
      t.same(work, [], `${path}: ${plan.join(' | ')}`);
    }
  }
});

t.test('feeds, the change feed and the content version use indexes only', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock(), renderCache: createRenderCache(NO_RENDER_CACHE) });
  for (let i = 0; i < 30; i++) {
    const article = await createArticle(ctx, {
      status: i % 3 === 0 ? 'scheduled' : 'published',
      published_at: i % 3 === 0 ? '2026-12-01T10:00:00Z' : `2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
      section: i % 2 ? 'World' : 'Sport',
      tags: [`tag-${i % 4}`],
    });
    if (i % 5 === 0) await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: `Edited ${i}` } });
  }
  ctx.database.sqlite.exec('analyze');
  const since = (await ctx.inject({ url: '/v1/changes?limit=5' })).json().next_cursor;
  // Pages smaller than the table: fetching 20 bodies of 30 rows, SQLite rightly prefers a scan.
  const paths = [
    '/feeds/articles.json?limit=5',
    '/feeds/sections/world/articles.rss?limit=5',
    '/feeds/tags/tag-1/articles.atom?limit=5',
    '/v1/changes',
    `/v1/changes?since=${since}`,
  ];
  for (const [path, headers] of paths.flatMap((path) => [[path, ctx.admin], [path, {}]] as const)) {
    // The content version is kept between commits: one commit makes the next request read it.
    ctx.database.sqlite.prepare('update content_version set version = version + 1 where id = 1').run();
    const queries = await captureQueries(ctx.database, () => ctx.inject({ url: path, headers }));
    const reads = queries.filter((q) => /^\s*select/i.test(q.sql));
    t.ok(reads.some((q) => /content_version/.test(q.sql)), `${path} reads the content version`);
    for (const query of reads) {
      const plan = queryPlan(ctx.database, query);
      t.notOk(plan.some((step) => FULL_WORK.test(step)), `${path}: ${plan.join(' | ')}`);
    }
  }
});

t.test('search is driven by the full-text match, never by a walk over published articles', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock(), renderCache: createRenderCache(NO_RENDER_CACHE) });
  // No ANALYZE: without statistics (as in a database never analyzed) SQLite's guess favours the
  // articles index, which is the plan this test must rule out.
  for (let i = 0; i < 30; i++) await createArticle(ctx, { status: 'published', body: i % 3 ? 'Quartz talks resume in Yerevan.' : 'Other news.' });
  const first = await ctx.inject({ url: '/v1/search?q=quartz&limit=2' });
  for (const path of ['/v1/search?q=quartz', '/v1/search?q=quartz+talks', `/v1/search?q=quartz&limit=2&cursor=${first.json().next_cursor}`]) {
    const queries = await captureQueries(ctx.database, () => ctx.inject({ url: path }));
    const reads = queries.filter((q) => /articles_fts match/.test(q.sql));
    t.ok(reads.length > 0, `${path} runs a full-text query`);
    for (const query of reads) {
      const plan = queryPlan(ctx.database, query);
      t.match(plan.join(' | '), /SCAN articles_fts VIRTUAL TABLE INDEX \d+:M/, `${path}: the match leads: ${plan.join(' | ')}`);
      t.notOk(plan.some((step) => /^SEARCH articles USING (COVERING )?INDEX/.test(step)), `${path}: no walk over an articles index`);
    }
  }
});
