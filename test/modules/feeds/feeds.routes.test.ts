import t from 'tap';
import { JsonFeedSchema } from '../../../src/modules/feeds/json-feed.schema.js';
import { createArticle } from '../../factories.js';
import { buildTestApp, testClock, type TestApp } from '../../helper.js';
import { captureQueries } from '../../query-plans.js';
import { parseXml } from '../../xml.js';

const ATOM = 'http://www.w3.org/2005/Atom';

async function publishSome(ctx: TestApp, count: number, overrides: Record<string, unknown> = {}) {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const day = String(i + 1).padStart(2, '0');
    ids.push((await createArticle(ctx, { status: 'published', published_at: `2026-11-${day}T10:00:00Z`, ...overrides })).id);
  }
  return ids.reverse();
}

t.test('JSON Feed 1.1: valid, newest first, paged by next_url to the end', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const ids = await publishSome(ctx, 5);
  await createArticle(ctx, { title: 'Still a draft' });
  const seen: string[] = [];
  let url: string | undefined = '/feeds/articles.json?limit=2';
  while (url) {
    const res = await ctx.inject({ url });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['content-type'], 'application/feed+json; charset=utf-8');
    const feed = JsonFeedSchema.parse(res.json());
    t.equal(feed.feed_url, 'https://news.example/feeds/articles.json');
    seen.push(...feed.items.map((item) => item.id.replace('urn:uuid:', '')));
    url = feed.next_url?.replace('https://news.example', '');
    if (url) t.equal(res.headers.link, `<${new URL(url, 'https://x').pathname}${new URL(url, 'https://x').search}>; rel="next"`);
  }
  t.same(seen, ids, 'every published article once, newest first, no draft');
});

t.test('the JSON Feed schema holds output to the spec', async (t) => {
  const item = { id: 'urn:uuid:1', content_text: 'x' };
  const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [item] };
  t.ok(JsonFeedSchema.safeParse(feed).success);
  t.ok(JsonFeedSchema.safeParse({ ...feed, _publisher: { any: 1 } }).success, 'extensions start with _');
  const broken: [string, unknown][] = [
    ['version 1.0', { ...feed, version: 'https://jsonfeed.org/version/1' }],
    ['no title', { ...feed, title: undefined }],
    ['unknown key', { ...feed, summary: 'x' }],
    ['item without content', { ...feed, items: [{ id: '1' }] }],
    ['duplicate ids', { ...feed, items: [item, item] }],
    ['empty author', { ...feed, items: [{ ...item, authors: [{}] }] }],
    ['bad date', { ...feed, items: [{ ...item, date_published: '28/11/2026' }] }],
    ['next_url is the feed', { ...feed, feed_url: 'https://a.example/f', next_url: 'https://a.example/f' }],
  ];
  for (const [name, value] of broken) t.notOk(JsonFeedSchema.safeParse(value).success, name);
});

t.test('RSS 2.0 and Atom parse as XML with their namespaces', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  await publishSome(ctx, 2, { authors: [{ name: 'A & B <co>' }], tags: ['R&D', 'a<b'] });
  await createArticle(ctx, { status: 'published', body: '', title: 'Headline only' });

  const rss = await ctx.inject({ url: '/feeds/articles.rss' });
  t.equal(rss.headers['content-type'], 'application/rss+xml; charset=utf-8');
  const { rss: root } = parseXml(t, rss.body);
  t.equal(root['@version'], '2.0');
  t.equal(root['@xmlns:content'], 'http://purl.org/rss/1.0/modules/content/');
  t.equal(root['@xmlns:atom'], ATOM);
  t.equal(root.channel['atom:link']['@href'], 'https://news.example/feeds/articles.rss');
  t.equal(root.channel.item.length, 3);
  t.equal(root.channel.item[1]['dc:creator'], 'A & B <co>');

  const atom = await ctx.inject({ url: '/feeds/articles.atom' });
  t.equal(atom.headers['content-type'], 'application/atom+xml; charset=utf-8');
  const { feed } = parseXml(t, atom.body);
  t.equal(feed['@xmlns'], ATOM);
  t.equal(feed.entry.length, 3);
  t.match(feed.entry[1].id, /^urn:uuid:[0-9a-f-]{36}$/);
  t.same(feed.entry[1].category.map((c: Record<string, string>) => [c['@term'], c['@label']]), [['r-d', 'R&D'], ['a-b', undefined]]);
});

t.test('section and tag feeds; unknown ones are 404 problems', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const [world] = await publishSome(ctx, 1, { section: 'World News', tags: ['Nagorno-Karabakh'] });
  await publishSome(ctx, 1, { section: 'Sport', tags: ['Football'] });
  await createArticle(ctx, { section: 'Secret', tags: ['Embargoed'] });

  const section = (await ctx.inject({ url: '/feeds/sections/World%20News/articles.json' })).json();
  t.equal(section.title, 'Dateline: World News');
  t.equal(section.feed_url, 'https://news.example/feeds/sections/world-news/articles.json');
  t.same(section.items.map((item: { id: string }) => item.id), [`urn:uuid:${world}`]);
  const tag = (await ctx.inject({ url: '/feeds/tags/nagorno-karabakh/articles.json' })).json();
  t.equal(tag.title, 'Dateline: Nagorno-Karabakh');
  t.equal(tag.items.length, 1);

  for (const url of ['/feeds/sections/nowhere/articles.rss', '/feeds/tags/nothing/articles.atom', '/feeds/sections/secret/articles.json', '/feeds/tags/embargoed/articles.json', '/feeds/sections/%20/articles.json']) {
    const res = await ctx.inject({ url, headers: ctx.admin });
    t.equal(res.statusCode, 404, `${url}: not a feed, even for editors`);
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
});

t.test('a section or tag feed is found from what was published at the last change, and follows every change', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const [world] = await publishSome(ctx, 1, { section: 'World News', tags: ['Summit'] });
  const urls = ['/feeds/sections/world-news/articles.json', '/feeds/tags/summit/articles.rss'];
  const etags = await Promise.all(urls.map(async (url) => (await ctx.inject({ url })).headers.etag as string));
  const queries = await captureQueries(ctx.database, async () => {
    for (const [i, url] of urls.entries()) t.equal((await ctx.inject({ url, headers: { 'if-none-match': etags[i] } })).statusCode, 304, url);
    t.equal((await ctx.inject({ url: '/feeds/sections/nowhere/articles.json' })).statusCode, 404);
    t.equal((await ctx.inject({ url: '/feeds/sections/nowhere/articles.json' })).statusCode, 404);
  });
  t.equal(queries.filter((q) => /"articles"/.test(q.sql)).length, 1, 'polls read no article; an unknown name is looked up once');

  // A section that appears with a scheduled article's go-live, and one that goes with an unpublish.
  await createArticle(ctx, { status: 'published', published_at: '2026-11-28T10:00:00Z', section: 'Nowhere' });
  t.equal((await ctx.inject({ url: '/feeds/sections/nowhere/articles.json' })).statusCode, 404, 'not before its time');
  clock.set('2026-11-28T10:00:00Z');
  t.equal((await ctx.inject({ url: '/feeds/sections/nowhere/articles.json' })).statusCode, 200, 'there at its go-live');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${world}`, headers: ctx.admin, payload: { status: 'archived' } });
  for (const url of urls) t.equal((await ctx.inject({ url })).statusCode, 404, `${url} goes with its only article`);
});

t.test('bad paging input is a 400 naming the parameter', async (t) => {
  const ctx = await buildTestApp(t);
  for (const [query, field] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['cursor=garbage', 'cursor']] as const) {
    const res = await ctx.inject({ url: `/feeds/articles.rss?${query}` });
    t.equal(res.statusCode, 400, query);
    t.match(res.json().errors, [{ in: 'query', field }]);
  }
});

t.test('conditional GET: a 304 without reading or rendering, a 200 after a change or a go-live', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const [id] = await publishSome(ctx, 3, { section: 'World' });
  await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T12:00:00Z', section: 'World' });

  for (const format of ['json', 'rss', 'atom']) {
    const url = `/feeds/sections/world/articles.${format}`;
    const first = await ctx.inject({ url });
    t.equal(first.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=300');
    t.equal(first.headers.vary, 'Authorization');
    const etag = first.headers.etag as string;
    const queries = await captureQueries(ctx.database, async () => {
      const res = await ctx.inject({ url, headers: { 'if-none-match': etag } });
      t.equal(res.statusCode, 304, `${format}: 304`);
      t.equal(res.body, '');
    });
    t.notOk(queries.some((q) => /body_html/.test(q.sql)), `${format}: no article body read on a 304`);
    const reads = queries.filter((q) => !/data_version|total_changes/.test(q.sql));
    t.ok(reads.length <= 2, `${format}: the content version and the section lookup only`);
    const sinceLast = await ctx.inject({ url, headers: { 'if-modified-since': first.headers['last-modified'] as string } });
    t.equal(sinceLast.statusCode, 304);
  }

  const before = await ctx.inject({ url: '/feeds/articles.json' });
  clock.set('2026-11-28T12:00:00Z');
  const live = await ctx.inject({ url: '/feeds/articles.json', headers: { 'if-none-match': before.headers.etag as string } });
  t.equal(live.statusCode, 200, 'the scheduled article going live changes the feed');
  t.equal(live.json().items.length, 4);

  clock.advance(1000);
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${id}`, headers: ctx.admin, payload: { title: 'Edited' } });
  const edited = await ctx.inject({ url: '/feeds/articles.json', headers: { 'if-none-match': live.headers.etag as string } });
  t.equal(edited.statusCode, 200);
  t.equal(edited.json().items[1].title, 'Edited');

  const partner = await ctx.inject({ url: '/feeds/articles.json', headers: await ctx.keyFor('syndication') });
  t.equal(partner.headers['cache-control'], 'private, max-age=60, stale-while-revalidate=300');
  const editor = await ctx.inject({ url: '/feeds/articles.json', headers: ctx.admin });
  t.equal(editor.json().items.length, 4, 'editors get the public feed: no drafts or schedules');
});
