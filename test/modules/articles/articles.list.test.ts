import t from 'tap';
import { createArticle } from '../../factories.js';
import { buildTestApp, testClock, type TestApp } from '../../helper.js';

type Summary = { id: string; title: string; published_at: string; section: string; tags: string[] };

async function publishedAt(ctx: TestApp, iso: string, overrides: Record<string, unknown> = {}) {
  return createArticle(ctx, { status: 'published', published_at: iso, ...overrides });
}

t.test('the list pages newest first with a cursor, a next link and no duplicates', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const created = [];
  for (let i = 0; i < 7; i++) created.push(await publishedAt(ctx, `2026-11-0${i + 1}T10:00:00Z`));
  const first = await ctx.inject({ url: '/v1/articles?limit=3' });
  t.equal(first.statusCode, 200);
  const body = first.json();
  t.same(body.data.map((a: Summary) => a.id), [created[6].id, created[5].id, created[4].id]);
  t.type(body.next_cursor, 'string');
  t.equal(first.headers.link, `</v1/articles?limit=3&cursor=${body.next_cursor}>; rel="next"`);
  t.notOk('body' in body.data[0], 'list items are summaries without the body');

  // Inserting a newer article between page requests shifts nothing in later pages.
  await publishedAt(ctx, '2026-11-20T10:00:00Z');
  const second = (await ctx.inject({ url: `/v1/articles?limit=3&cursor=${body.next_cursor}` })).json();
  t.same(second.data.map((a: Summary) => a.id), [created[3].id, created[2].id, created[1].id]);
  const third = await ctx.inject({ url: `/v1/articles?limit=3&cursor=${second.next_cursor}` });
  t.same(third.json().data.map((a: Summary) => a.id), [created[0].id]);
  t.equal(third.json().next_cursor, null);
  t.equal(third.headers.link, undefined, 'no next link on the last page');
});

t.test('articles published at the same instant are neither skipped nor repeated', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const ids = new Set<string>();
  for (let i = 0; i < 5; i++) ids.add((await publishedAt(ctx, '2026-11-01T10:00:00Z')).id);
  const seen: string[] = [];
  let cursor = '';
  do {
    const page = (await ctx.inject({ url: `/v1/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}` })).json();
    seen.push(...page.data.map((a: Summary) => a.id));
    cursor = page.next_cursor ?? '';
  } while (cursor);
  t.equal(seen.length, 5);
  t.same(new Set(seen), ids);
});

t.test('filters: section, tag, date range, status', async (t) => {
  const ctx = await buildTestApp(t, { clock: testClock() });
  const world = await publishedAt(ctx, '2026-11-01T10:00:00Z', { section: 'World', tags: ['Nagorno-Karabakh', 'Diplomacy'] });
  const sport = await publishedAt(ctx, '2026-11-10T10:00:00Z', { section: 'Sport', tags: ['Football'] });
  const draft = await createArticle(ctx, { section: 'World', tags: ['Diplomacy'] });
  const ids = async (url: string, headers = {}) => (await ctx.inject({ url, headers })).json().data.map((a: Summary) => a.id);

  t.same(await ids('/v1/articles?section=world'), [world.id], 'section by slug');
  t.same(await ids('/v1/articles?section=World'), [world.id], 'section by name');
  t.same(await ids('/v1/articles?tag=nagorno-karabakh'), [world.id], 'tag by slug');
  t.same(await ids('/v1/articles?tag=Diplomacy'), [world.id], 'tag hides the draft from the public');
  t.same(await ids('/v1/articles?tag=diplomacy', ctx.admin), [draft.id, world.id], 'editors see every status of a tag');
  t.same(await ids('/v1/articles?tag=diplomacy&status=draft', ctx.admin), [draft.id]);
  t.same(await ids('/v1/articles?published_after=2026-11-05T00:00:00Z'), [sport.id]);
  t.same(await ids('/v1/articles?published_before=2026-11-05T00:00:00Z'), [world.id]);
  t.same(await ids('/v1/articles?status=draft', ctx.admin), [draft.id]);
  t.same(await ids('/v1/articles?tag=unknown'), []);

  const forbidden = await ctx.inject({ url: '/v1/articles?status=draft' });
  t.equal(forbidden.statusCode, 403, 'the public cannot ask for drafts');
  t.equal(forbidden.headers['content-type'], 'application/problem+json; charset=utf-8');
});

t.test('retagging moves an article between tag pages', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published', tags: ['Old'] });
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { tags: ['New', 'new', 'NEW'] } });
  t.same((await ctx.inject({ url: '/v1/articles?tag=old' })).json().data, []);
  const tagged = (await ctx.inject({ url: '/v1/articles?tag=new' })).json().data;
  t.equal(tagged.length, 1);
  t.same(tagged[0].tags, ['New'], 'duplicate tags are folded');
  await ctx.inject({ method: 'PATCH', url: `/v1/articles/${article.id}`, headers: ctx.admin, payload: { status: 'draft' } });
  t.same((await ctx.inject({ url: '/v1/articles?tag=new' })).json().data, [], 'unpublishing removes it from the public tag page');
});

t.test('bad list parameters are 400 problems naming the parameter', async (t) => {
  const ctx = await buildTestApp(t);
  for (const [query, field] of [
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=garbage', 'cursor'],
    [`cursor=${Buffer.from('["a",1]').toString('base64url')}`, 'cursor'],
    ['published_after=yesterday', 'published_after'],
    ['status=live', 'status'],
  ] as const) {
    const res = await ctx.inject({ url: `/v1/articles?${query}` });
    t.equal(res.statusCode, 400, query);
    t.match(res.json().errors, [{ in: 'query', field }], query);
  }
});
