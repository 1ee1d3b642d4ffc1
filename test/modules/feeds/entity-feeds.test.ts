import t from 'tap';
import { JsonFeedSchema } from '../../../src/modules/feeds/json-feed.schema.js';
import { createArticle } from '../../factories.js';
import { buildTestApp, testClock, type TestApp } from '../../helper.js';
import { captureQueries } from '../../query-plans.js';
import { parseXml } from '../../xml.js';

async function entity(ctx: TestApp, body: Record<string, unknown>) {
  return (await ctx.inject({ method: 'POST', url: '/v1/entities', headers: ctx.admin, payload: body })).json();
}
const story = (ctx: TestApp, body: string, overrides: Record<string, unknown> = {}) =>
  createArticle(ctx, { title: 'Leaders meet again', standfirst: null, dateline: null, status: 'published', body, ...overrides });

t.test("an entity's feed carries the published articles that mention it, in every format", async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const armenia = await entity(ctx, { name: 'Armenia', type: 'place', wikidata_qid: 'Q399' });
  const older = await story(ctx, 'Armenia voted.', { published_at: '2026-11-01T10:00:00Z' });
  const newer = await story(ctx, 'Armenia counted.', { published_at: '2026-11-02T10:00:00Z' });
  await story(ctx, 'Nothing about that country.', { published_at: '2026-11-03T10:00:00Z' });
  await createArticle(ctx, { title: 'Draft', body: 'Armenia draft.', dateline: null });

  const res = await ctx.inject({ url: `/feeds/entities/${armenia.slug}/articles.json` });
  t.equal(res.statusCode, 200);
  const feed = JsonFeedSchema.parse(res.json());
  t.equal(feed.title, 'Dateline: Armenia');
  t.equal(feed.feed_url, `https://news.example/feeds/entities/${armenia.slug}/articles.json`);
  t.same(feed.items.map((item) => item.id), [`urn:uuid:${newer.id}`, `urn:uuid:${older.id}`]);
  t.equal((await ctx.inject({ url: `/feeds/entities/${armenia.id}/articles.json` })).json().items.length, 2, 'by id too');

  const rss = await ctx.inject({ url: `/feeds/entities/${armenia.slug}/articles.rss` });
  t.equal(parseXml(t, rss.body).rss.channel.item.length, 2);
  const atom = await ctx.inject({ url: `/feeds/entities/${armenia.slug}/articles.atom` });
  t.equal(parseXml(t, atom.body).feed.entry.length, 2);
  t.equal((await ctx.inject({ url: '/feeds/entities/nobody/articles.json' })).statusCode, 404);
});

t.test('a new link moves the feed’s validators; a merged entity’s feed follows the survivor', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const long = await entity(ctx, { name: 'Collective Security Treaty Organization', type: 'organization' });
  const short = await entity(ctx, { name: 'ODKB', type: 'organization' });
  const article = await story(ctx, 'The ODKB met.');
  const url = `/feeds/entities/${long.slug}/articles.json`;
  const before = await ctx.inject({ url });
  t.equal(before.json().items.length, 0);
  t.equal((await ctx.inject({ url, headers: { 'if-none-match': before.headers.etag as string } })).statusCode, 304);

  await ctx.inject({ method: 'POST', url: `/v1/entities/${short.id}/merge`, headers: ctx.admin, payload: { into: long.id } });
  const after = await ctx.inject({ url, headers: { 'if-none-match': before.headers.etag as string } });
  t.equal(after.statusCode, 200, 'the merge moved the validators');
  t.same(after.json().items.map((item: { id: string }) => item.id), [`urn:uuid:${article.id}`]);
  t.equal((await ctx.inject({ url: `/feeds/entities/${short.slug}/articles.json` })).json().title, 'Dateline: Collective Security Treaty Organization');
});

t.test("a poll of an entity's feed looks the entity up once until something commits", async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const armenia = await entity(ctx, { name: 'Armenia', type: 'place' });
  await story(ctx, 'Armenia voted.');
  const url = `/feeds/entities/${armenia.slug}/articles.json`;
  const first = await ctx.inject({ url });
  t.equal(first.json().title, 'Dateline: Armenia');
  const poll = await captureQueries(ctx.database, async () => {
    t.equal((await ctx.inject({ url, headers: { 'if-none-match': first.headers.etag as string } })).statusCode, 304);
  });
  t.same(poll.filter((q) => /from "entit/.test(q.sql)), [], 'a conditional poll runs no query on entities');

  t.equal((await ctx.inject({ url: '/feeds/entities/georgia/articles.json' })).statusCode, 404);
  await entity(ctx, { name: 'Georgia', type: 'place' });
  t.equal((await ctx.inject({ url: '/feeds/entities/georgia/articles.json' })).statusCode, 200, 'a new entity has its feed at once');

  await ctx.inject({ method: 'PATCH', url: `/v1/entities/${armenia.id}`, headers: ctx.admin, payload: { name: 'Republic of Armenia' } });
  t.equal((await ctx.inject({ url })).json().title, 'Dateline: Republic of Armenia', 'a rename shows at once');
});

t.test('the change feed records entity merges with the survivor', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const a = await entity(ctx, { name: 'Serzh Sargsyan', type: 'person' });
  const b = await entity(ctx, { name: 'Serzh Sarkisian', type: 'person' });
  await ctx.inject({ method: 'POST', url: `/v1/entities/${a.id}/merge`, headers: ctx.admin, payload: { into: b.slug } });
  const changes = (await ctx.inject({ url: '/v1/changes' })).json().data;
  t.match(changes.at(-1), { kind: 'merge', resource: 'entity', id: a.id, slug: a.slug, merged_into: b.id });
});

t.test('an article read with its entities revalidates when an entity is renamed', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const moscow = await entity(ctx, { name: 'Moscow', type: 'place' });
  const article = await story(ctx, 'Leaders met in Moscow.');
  const url = `/v1/articles/${article.id}?include=entities`;
  const first = await ctx.inject({ url });
  const plain = await ctx.inject({ url: `/v1/articles/${article.id}` });
  t.not(first.headers.etag, plain.headers.etag, 'the embedded form has its own validator');
  t.equal((await ctx.inject({ url, headers: { 'if-none-match': first.headers.etag as string } })).statusCode, 304);
  await ctx.inject({ method: 'PATCH', url: `/v1/entities/${moscow.id}`, headers: ctx.admin, payload: { name: 'Moskva' } });
  const renamed = await ctx.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
  t.equal(renamed.statusCode, 200);
  t.ok(renamed.json().entities.some((e: { name: string }) => e.name === 'Moskva'));
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}`, headers: { 'if-none-match': plain.headers.etag as string } })).statusCode, 304, 'the plain article did not change');
});

t.test('JSON-LD and ninjs carry the article’s entities', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  await entity(ctx, { name: 'Armenia', type: 'place', wikidata_qid: 'Q399' });
  const article = await story(ctx, 'Armenia voted. Armenia counted.', { title: 'Armenia votes' });
  const jsonld = (await ctx.inject({ url: `/v1/articles/${article.id}/jsonld` })).json();
  const armenia = [...(jsonld.about ?? []), ...(jsonld.mentions ?? [])].find((e: { name: string }) => e.name === 'Armenia');
  t.match(armenia, { '@type': 'Place', sameAs: 'https://www.wikidata.org/wiki/Q399' });
  const ninjs = (await ctx.inject({ url: `/v1/articles/${article.id}/ninjs` })).json();
  t.ok(ninjs.places.some((p: { name: string }) => p.name === 'Armenia'));
});
