import t from 'tap';
import { openDatabase } from '../../../src/db/client.js';
import { createArticle } from '../../factories.js';
import { buildTestApp, otherProcessCommitsShow, testClock, type TestApp } from '../../helper.js';

type Change = { kind: string; id: string; slug: string; revision: number; at: string };

const patch = (ctx: TestApp, id: string, payload: object) =>
  ctx.inject({ method: 'PATCH', url: `/v1/articles/${id}`, headers: ctx.admin, payload });
const remove = (ctx: TestApp, id: string) => ctx.inject({ method: 'DELETE', url: `/v1/articles/${id}`, headers: ctx.admin });

/** Polls the change feed from `since` to its end, `limit` at a time, as `headers` sees it. */
async function poll(ctx: TestApp, since: string | undefined, headers: Record<string, string> = {}, limit = 2) {
  const changes: Change[] = [];
  let cursor = since;
  for (;;) {
    const res = await ctx.inject({ url: `/v1/changes?limit=${limit}${cursor ? `&since=${cursor}` : ''}`, headers });
    if (res.statusCode !== 200) throw new Error(`poll failed ${res.statusCode}: ${res.body}`);
    const page = res.json();
    changes.push(...page.data);
    cursor = page.next_cursor;
    if (!page.has_more) return { changes, cursor: cursor as string };
    if (res.headers.link !== `</v1/changes?limit=${limit}&since=${cursor}>; rel="next"`) throw new Error(`bad link ${res.headers.link}`);
  }
}

/** What a partner does with each change: fetch what it may show, drop what is gone. */
async function apply(ctx: TestApp, mirror: Map<string, unknown>, changes: Change[]) {
  for (const change of changes) {
    if (change.kind === 'unpublish' || change.kind === 'delete') {
      mirror.delete(change.id);
      continue;
    }
    const res = await ctx.inject({ url: `/v1/articles/${change.id}` });
    if (res.statusCode === 200) mirror.set(change.id, res.json());
    else mirror.delete(change.id);
  }
}

async function publicState(ctx: TestApp) {
  const list = (await ctx.inject({ url: '/v1/articles?limit=100' })).json().data as { id: string }[];
  const state = new Map<string, unknown>();
  for (const { id } of list) state.set(id, (await ctx.inject({ url: `/v1/articles/${id}` })).json());
  return state;
}

t.test('a partner polling the change feed mirrors the public site exactly', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const mirror = new Map<string, unknown>();

  const a = await createArticle(ctx);
  await patch(ctx, a.id, { status: 'published' });
  await patch(ctx, a.id, { title: 'A, edited' });
  const b = await createArticle(ctx, { status: 'published' });
  const c = await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T12:00:00Z' });
  const secret = await createArticle(ctx, { title: 'Secret merger talks' });
  await remove(ctx, secret.id);

  const first = await poll(ctx, undefined);
  t.same(first.changes.map((e) => [e.kind, e.id]), [['publish', a.id], ['update', a.id], ['create', b.id]]);
  await apply(ctx, mirror, first.changes);
  t.same(mirror, await publicState(ctx), 'mirror after the first poll');

  clock.set('2026-11-28T12:30:00Z');
  await patch(ctx, a.id, { status: 'draft' });
  await patch(ctx, b.id, { body: 'New body' });
  await remove(ctx, b.id);
  const e = await createArticle(ctx, { status: 'published' });
  await patch(ctx, e.id, { standfirst: 'Changed' });

  const second = await poll(ctx, first.cursor);
  t.same(
    second.changes.map((change) => [change.kind, change.id]),
    [['publish', c.id], ['unpublish', a.id], ['update', b.id], ['delete', b.id], ['create', e.id], ['update', e.id]],
    'a scheduled article going live is a publish, logged before the writes that followed it',
  );
  t.equal(second.changes[0]?.at, '2026-11-28T12:00:00.000Z', 'the go-live is dated at its scheduled instant');
  t.same(Object.keys(second.changes[3] as object).sort(), ['at', 'id', 'kind', 'resource', 'revision', 'slug'], 'a tombstone carries no content');
  await apply(ctx, mirror, second.changes);
  t.same(mirror, await publicState(ctx), 'mirror after the second poll');
  t.same([...mirror.keys()].sort(), [c.id, e.id].sort());

  const idle = await poll(ctx, second.cursor);
  t.same(idle, { changes: [], cursor: second.cursor }, 'an idle poll returns its own cursor');

  const everything = await poll(ctx, undefined, ctx.admin, 100);
  t.same(
    everything.changes.map((change) => change.kind),
    ['create', 'publish', 'update', 'create', 'create', 'create', 'delete', 'publish', 'unpublish', 'update', 'delete', 'create', 'update'],
    'editors see every change, drafts included',
  );
  const publicSlugs = (await poll(ctx, undefined, {}, 100)).changes.map((change) => change.slug);
  t.notOk(publicSlugs.includes(secret.slug), 'a draft the public never saw leaves no trace in the public feed');
});

t.test('the cursor resumes where it stopped; bad input is a 400', async (t) => {
  const ctx = await buildTestApp(t);
  for (let i = 0; i < 3; i++) await createArticle(ctx, { status: 'published' });
  const page = (await ctx.inject({ url: '/v1/changes?limit=1' })).json();
  t.equal(page.has_more, true);
  const again = (await ctx.inject({ url: `/v1/changes?limit=5&since=${page.next_cursor}` })).json();
  t.equal(again.data.length, 2, 'the same cursor, used later, continues after the first change');
  t.equal(again.has_more, false);

  for (const [query, field] of [
    ['since=garbage', 'since'],
    [`since=${Buffer.from('["x"]').toString('base64url')}`, 'since'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
  ] as const) {
    const res = await ctx.inject({ url: `/v1/changes?${query}` });
    t.equal(res.statusCode, 400, query);
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    t.match(res.json().errors, [{ in: 'query', field }], query);
  }
});

t.test('a go-live is recorded once, whichever process notices it first', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const other = await buildTestApp(t, { clock, database: openDatabase(ctx.config.databasePath) });
  const article = await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T10:00:00Z' });
  clock.set('2026-11-28T10:00:00Z');
  await Promise.all([ctx.inject({ url: '/v1/changes' }), other.inject({ url: '/v1/articles' })]);
  // As if a third process had read the pending go-live before the first one removed it.
  ctx.database.sqlite.prepare('insert into scheduled_go_lives (article_seq, due_at) select seq, published_at from articles').run();
  await otherProcessCommitsShow();
  await other.inject({ url: '/v1/changes' });
  const kinds = (await ctx.inject({ url: '/v1/changes', headers: ctx.admin })).json().data.map((c: Change) => [c.kind, c.id]);
  t.same(kinds, [['create', article.id], ['publish', article.id]]);
  const pending = ctx.database.sqlite.prepare('select count(*) as n from scheduled_go_lives').get();
  t.same(pending, { n: 0 });
});

t.test('rescheduling or unscheduling moves or cancels the go-live', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const moved = await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T10:00:00Z' });
  const cancelled = await createArticle(ctx, { status: 'scheduled', published_at: '2026-11-28T10:00:00Z' });
  await patch(ctx, moved.id, { published_at: '2026-11-28T11:00:00Z' });
  await patch(ctx, cancelled.id, { status: 'draft' });
  clock.set('2026-11-28T10:30:00Z');
  t.same((await ctx.inject({ url: '/v1/changes' })).json().data, [], 'nothing live yet');
  clock.set('2026-11-28T11:00:00Z');
  const live = (await ctx.inject({ url: '/v1/changes' })).json().data;
  t.same(live.map((c: Change) => [c.kind, c.id, c.at]), [['publish', moved.id, '2026-11-28T11:00:00.000Z']]);
});

t.test('polling with the last ETag is a 304 until something changes', async (t) => {
  const ctx = await buildTestApp(t);
  await createArticle(ctx, { status: 'published' });
  const first = await ctx.inject({ url: '/v1/changes' });
  t.equal(first.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=300');
  const etag = first.headers.etag as string;
  const same = await ctx.inject({ url: '/v1/changes', headers: { 'if-none-match': etag } });
  t.equal(same.statusCode, 304);
  t.equal(same.body, '');
  await createArticle(ctx);
  t.equal((await ctx.inject({ url: '/v1/changes', headers: { 'if-none-match': etag } })).statusCode, 200, 'even a private change moves the version');
  const editor = await ctx.inject({ url: '/v1/changes', headers: ctx.admin });
  t.equal(editor.headers['cache-control'], 'private, no-store');
});
