import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { openDatabase } from '../../../src/db/client.js';
import { buildTestApp, otherProcessCommitsShow, testClock, type TestApp } from '../../helper.js';
import { captureQueries } from '../../query-plans.js';

const get = (ctx: TestApp, url: string, headers: Record<string, string> = {}) => ctx.inject({ url, headers });

t.test('lists: validators, 304s, and a new ETag after every publish, edit, unpublish and delete', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const article = await createArticle(ctx);

  const first = await get(ctx, '/v1/articles');
  t.equal(first.statusCode, 200);
  t.match(first.headers.etag, /^"v\d+-[\w-]+"$/);
  t.equal(first.headers['last-modified'], 'Sat, 28 Nov 2026 09:00:00 GMT');
  t.equal(first.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=300');
  t.equal(first.headers.vary, 'Authorization');

  const cached = await get(ctx, '/v1/articles', { 'if-none-match': first.headers.etag as string });
  t.equal(cached.statusCode, 304);
  t.equal(cached.body, '');
  t.equal(cached.headers.etag, first.headers.etag, 'a 304 repeats the validators');
  t.equal(cached.headers['cache-control'], first.headers['cache-control']);
  t.equal((await get(ctx, '/v1/articles', { 'if-modified-since': first.headers['last-modified'] as string })).statusCode, 304);
  t.equal((await get(ctx, '/v1/articles', { 'if-none-match': `"other", W/${first.headers.etag}` })).statusCode, 304, 'weak comparison, in a list');

  const writes: [string, () => Promise<unknown>][] = [
    ['publish', () => ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { status: 'published' } })],
    ['edit', () => ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Edited' } })],
    ['unpublish', () => ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { status: 'archived' } })],
    ['delete', () => ctx.inject({ method: 'DELETE', url: `/v1/articles/${article.id}`, headers: ctx.admin })],
  ];
  let previous = first;
  for (const [name, write] of writes) {
    clock.advance(1000);
    await write();
    const conditional = await get(ctx, '/v1/articles', { 'if-none-match': previous.headers.etag as string });
    t.equal(conditional.statusCode, 200, `${name}: the old ETag no longer matches`);
    t.not(conditional.headers.etag, previous.headers.etag);
    const since = await get(ctx, '/v1/articles', { 'if-modified-since': previous.headers['last-modified'] as string });
    t.equal(since.statusCode, 200, `${name}: Last-Modified moved on`);
    previous = conditional;
  }
});

t.test('a scheduled article going live changes the list validators with no write', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T12:00:00Z' });
  const before = await get(ctx, '/v1/articles');
  t.same(before.json().data, []);
  clock.set('2026-11-28T11:59:59.999Z');
  t.equal((await get(ctx, '/v1/articles', { 'if-none-match': before.headers.etag as string })).statusCode, 304, 'not yet');
  clock.set('2026-11-28T12:00:00Z');
  const live = await get(ctx, '/v1/articles', { 'if-none-match': before.headers.etag as string });
  t.equal(live.statusCode, 200, 'the go-live instant invalidates the cached list');
  t.equal(live.json().data.length, 1);
  t.equal(live.headers['last-modified'], 'Sat, 28 Nov 2026 12:00:00 GMT');
  t.equal((await get(ctx, '/v1/articles', { 'if-modified-since': before.headers['last-modified'] as string })).statusCode, 200);
});

t.test('a 304 reads no article and renders nothing', async (t) => {
  const ctx = await buildTestApp(t);
  for (let i = 0; i < 3; i++) await createArticle(ctx, { status: 'published' });
  const { etag } = (await get(ctx, '/v1/articles?section=world')).headers;
  const queries = await captureQueries(ctx.database, async () => {
    const res = await get(ctx, '/v1/articles?section=world', { 'if-none-match': etag as string });
    t.equal(res.statusCode, 304);
  });
  t.same(queries.filter((q) => /"articles"|article_tags/.test(q.sql)), [], 'no article query');
  t.same(queries.filter((q) => !VERSION_CHECK.test(q.sql)), [], 'nothing but the content version is read');
});

// The content version's row, and the two stamps that say whether it can have moved.
const VERSION_CHECK = /content_version|data_version|total_changes/;

t.test('the content version is read once, kept, and read again after any commit, in any process', async (t) => {
  const ctx = await buildTestApp(t);
  await createArticle(ctx, { status: 'published' });
  const { etag } = (await get(ctx, '/v1/articles')).headers;
  const versionReads = async () => {
    const queries = await captureQueries(ctx.database, async () => {
      t.equal((await get(ctx, '/v1/articles', { 'if-none-match': etag as string })).statusCode, 304);
    });
    return queries.filter((q) => /content_version/.test(q.sql)).length;
  };
  t.equal(await versionReads(), 0, 'nothing committed since the last read: the kept version answers');

  // Another connection (another worker, the CLI) commits: SQLite's data_version moves.
  const other = openDatabase(ctx.config.databasePath);
  t.teardown(() => other.close());
  other.sqlite.prepare('update content_version set version = version + 1 where id = 1').run();
  await otherProcessCommitsShow();
  const afterOther = await get(ctx, '/v1/articles', { 'if-none-match': etag as string });
  t.equal(afterOther.statusCode, 200, "another connection's commit is seen by the conditional GETs that follow it");
  t.not(afterOther.headers.etag, etag);

  // This connection commits: total_changes() moves (data_version does not, for its own writes).
  const current = afterOther.headers.etag as string;
  await createArticle(ctx, { status: 'published' });
  const afterOwn = await get(ctx, '/v1/articles', { 'if-none-match': current });
  t.equal(afterOwn.statusCode, 200, "this process's own write is seen at once");
  t.equal(afterOwn.json().data.length, 2);
});

t.test('an article head is read once, kept, and read again after any commit; visibility follows the clock', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const article = await createArticle(ctx, { status: 'published' });
  const url = `/v1/articles/${article.slug}`;
  const first = await get(ctx, url);
  t.equal(first.statusCode, 200);
  const articleReads = async (request: () => Promise<unknown>) =>
    (await captureQueries(ctx.database, request)).filter((q) => /from "articles"/.test(q.sql)).length;
  t.equal(await articleReads(() => get(ctx, url)), 0, 'a repeated read answers from the kept head and body');
  t.equal(await articleReads(() => get(ctx, `/v1/articles/${article.id}`)), 1, 'by id: its own key');
  t.equal(await articleReads(() => get(ctx, `/v1/articles/${article.id}`)), 0);

  // Another connection (the CLI, another process) moves what the ETag names: the count.
  const other = openDatabase(ctx.config.databasePath);
  t.teardown(() => other.close());
  other.sqlite.prepare('update articles set comment_count = 7 where id = ?').run(article.id);
  await otherProcessCommitsShow();
  const afterOther = await get(ctx, url);
  t.equal(afterOther.headers.etag, '"r1-c7-p"', "another connection's commit is seen by the reads that follow it");
  t.equal(afterOther.json().comment_count, 7);

  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Edited' } });
  t.equal((await get(ctx, url)).json().title, 'Edited', "this process's own write is seen at once");

  // A miss is kept too, until a commit: the slug's article appears at once when created.
  t.equal((await get(ctx, '/v1/articles/not-yet-written')).statusCode, 404);
  t.equal(await articleReads(() => get(ctx, '/v1/articles/not-yet-written')), 0, 'an unknown slug is not looked up again');
  await createArticle(ctx, { status: 'published', slug: 'not-yet-written' });
  t.equal((await get(ctx, '/v1/articles/not-yet-written')).statusCode, 200);

  // A scheduled article's head is kept as well; whether the public sees it is the clock's.
  const scheduled = await createArticle(ctx, { status: 'published', published_at: '2026-11-28T10:00:00.000Z' });
  t.equal((await get(ctx, `/v1/articles/${scheduled.slug}`)).statusCode, 404, 'scheduled: not yet public');
  clock.advance(60 * 60 * 1000);
  t.equal((await get(ctx, `/v1/articles/${scheduled.slug}`)).statusCode, 200, 'public once its time comes, with no commit between');
});

t.test('who sees a response decides who may cache it', async (t) => {
  const ctx = await buildTestApp(t);
  await createArticle(ctx, { status: 'published' });
  const syndication = await ctx.keyFor('syndication');
  const editor = await ctx.keyFor('editor');
  const pub = await get(ctx, '/v1/articles');
  const partner = await get(ctx, '/v1/articles', syndication);
  const staff = await get(ctx, '/v1/articles', editor);
  t.equal(partner.headers['cache-control'], 'private, max-age=60, stale-while-revalidate=300');
  t.equal(partner.headers.etag, pub.headers.etag, 'partners see the public representation');
  t.equal(staff.headers['cache-control'], 'private, no-store', 'editors see drafts: never stored');
  t.not(staff.headers.etag, pub.headers.etag, 'the editor view has its own validator');
  t.equal(staff.headers.vary, 'Authorization');
  t.not((await get(ctx, '/v1/articles?limit=5')).headers.etag, pub.headers.etag, 'each URL has its own validator');
});

t.test('article reads: ETag and Last-Modified from the row, 304s, and changes on edit and go-live', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const article = await createArticle(ctx, { status: 'published' });
  const url = `/v1/articles/${article.slug}`;
  const first = await get(ctx, url);
  t.equal(first.headers.etag, '"r1-c0-p"');
  t.equal(first.headers['last-modified'], 'Sat, 28 Nov 2026 09:00:00 GMT');
  t.equal(first.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=300');
  t.equal((await get(ctx, url, { 'if-none-match': '"r1-c0-p"' })).statusCode, 304);
  t.equal((await get(ctx, url, { 'if-modified-since': 'Sat, 28 Nov 2026 09:00:00 GMT' })).statusCode, 304);
  t.equal((await get(ctx, url, { 'if-modified-since': 'Sat, 28 Nov 2026 08:59:59 GMT' })).statusCode, 200, 'older copy');
  t.equal((await get(ctx, url, { 'if-modified-since': 'yesterday' })).statusCode, 200, 'an unreadable date is ignored');
  t.equal(
    (await get(ctx, url, { 'if-none-match': '"r0-c0-p"', 'if-modified-since': 'Sat, 28 Nov 2026 09:00:00 GMT' })).statusCode,
    200,
    'If-None-Match wins over If-Modified-Since',
  );
  t.equal((await ctx.inject({ method: 'HEAD', url, headers: { 'if-none-match': '"r1-c0-p"' } })).statusCode, 304, 'HEAD too');

  clock.advance(60_000);
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { title: 'Edited' } });
  const edited = await get(ctx, url, { 'if-none-match': '"r1-c0-p"' });
  t.equal(edited.statusCode, 200);
  t.equal(edited.headers.etag, '"r2-c0-p"');
  t.equal(edited.headers['last-modified'], 'Sat, 28 Nov 2026 09:01:00 GMT');

  const scheduled = await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T10:00:00Z' });
  const draftView = await get(ctx, `/v1/articles/${scheduled.id}`, ctx.admin);
  t.equal(draftView.headers['cache-control'], 'private, no-store');
  t.equal(draftView.headers['last-modified'], 'Sat, 28 Nov 2026 09:01:00 GMT');
  clock.set('2026-11-28T10:00:00Z');
  const liveView = await get(ctx, `/v1/articles/${scheduled.id}`, { ...ctx.admin, 'if-none-match': draftView.headers.etag as string });
  t.equal(liveView.statusCode, 200, 'going live changes what editors see');
  t.equal(liveView.headers['last-modified'], 'Sat, 28 Nov 2026 10:00:00 GMT');
});

t.test('an approved-comment count change invalidates lists and reads, whoever writes it', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const list = await get(ctx, '/v1/articles');
  ctx.database.sqlite.prepare('update articles set comment_count = 3 where id = ?').run(article.id);
  t.equal((await get(ctx, '/v1/articles', { 'if-none-match': list.headers.etag as string })).statusCode, 200);
  t.equal((await get(ctx, `/v1/articles/${article.id}`)).headers.etag, '"r1-c3-p"');
});

t.test("readers' comments leave feeds, the change log and embeds current, and their kept bodies in use", async (t) => {
  const ctx = await buildTestApp(t);
  const commented = await createArticle(ctx, { status: 'published' });
  const other = await createArticle(ctx, { status: 'published' });
  const unmoved = [
    '/feeds/articles.json',
    '/feeds/articles.rss',
    '/feeds/articles.atom',
    '/feeds/sections/world/articles.json',
    '/v1/changes',
    `/v1/articles/${other.slug}?include=entities`,
    `/v1/articles/${other.id}/ninjs`,
    `/v1/articles/${other.id}/jsonld`,
  ];
  const moved = ['/v1/articles', '/v1/articles?include=entities', `/v1/articles/${commented.slug}?include=entities`, `/v1/articles/${commented.id}/jsonld`];
  const tags = async (urls: string[]) => new Map(await Promise.all(urls.map(async (url) => [url, (await get(ctx, url)).headers.etag as string] as const)));
  const before = await tags([...unmoved, ...moved]);

  const reader = await createReader(ctx);
  t.equal((await postComment(ctx, reader, commented.id)).status, 'approved', 'published at once: the count moves');
  // Another process approving comments moves the count through the trigger alone.
  const other2 = openDatabase(ctx.config.databasePath);
  t.teardown(() => other2.close());
  other2.sqlite.prepare('update articles set comment_count = comment_count + 1 where id = ?').run(commented.id);

  const queries = await captureQueries(ctx.database, async () => {
    t.equal((await get(ctx, '/feeds/articles.json')).statusCode, 200);
  });
  t.same(queries.filter((q) => /"articles"|"mentions"/.test(q.sql)), [], 'the feed is sent as kept: no article is read');
  for (const url of unmoved) t.equal((await get(ctx, url, { 'if-none-match': before.get(url) as string })).statusCode, 304, `${url} is current`);
  for (const url of moved) t.equal((await get(ctx, url, { 'if-none-match': before.get(url) as string })).statusCode, 200, `${url} shows the count`);
  t.equal((await get(ctx, '/v1/articles')).json().data.find((a: { id: string }) => a.id === commented.id).comment_count, 2);

  // An editorial write still moves them all.
  const feed = await get(ctx, '/feeds/articles.json');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${other.id}`, headers: ctx.admin, payload: { title: 'Edited' } });
  t.equal((await get(ctx, '/feeds/articles.json', { 'if-none-match': feed.headers.etag as string })).statusCode, 200, 'an edit moves the feed');
  t.match(feed.headers.etag, /^"e\d+-[\w-]+"$/, 'the feed tag names the editorial version');
});

t.test('a hidden article is a 404 that nothing caches', async (t) => {
  const ctx = await buildTestApp(t);
  const draft = await createArticle(ctx);
  const res = await get(ctx, `/v1/articles/${draft.id}`);
  t.equal(res.statusCode, 404);
  t.equal(res.headers['cache-control'], 'no-store');
});
