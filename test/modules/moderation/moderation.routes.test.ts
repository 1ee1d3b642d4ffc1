import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { buildTestApp, testClock } from '../../helper.js';

t.test('the queue: pending comments oldest first, with filters and pages', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_PER_MINUTE: '100' } });
  const moderator = await ctx.keyFor('moderator');
  const one = await createArticle(ctx, { status: 'published' });
  const two = await createArticle(ctx, { status: 'published', comments_mode: 'premoderated' });
  const ann = await createReader(ctx);
  const bob = await createReader(ctx);
  const held = [];
  held.push(await postComment(ctx, ann, one.id, { body: 'what sh1t' }));
  clock.advance(1000);
  held.push(await postComment(ctx, bob, two.id, { body: 'Thank you for this.' }));
  clock.advance(1000);
  held.push(await postComment(ctx, bob, one.id, { body: 'you are an idiot' }));
  await postComment(ctx, ann, one.id, { body: 'A published comment.' });
  await postComment(ctx, ann, one.id, { body: 'I will find you.' });
  const queue = (query = '') => ctx.inject({ url: `/v1/moderation/comments${query}`, headers: moderator });

  const all = await queue();
  t.equal(all.statusCode, 200);
  t.same(all.json().data.map((c: { id: string }) => c.id), held.map((c) => c.id), 'pending only, oldest first');
  t.match(all.json().data[0], {
    article: { id: one.id, slug: one.slug, title: one.title },
    author: { id: ann.id, display_name: ann.display_name, status: 'active', approved_comments: 1 },
    status: 'pending',
    verdicts: [{ code: 'profanity', action: 'hold', detail: 'matched "sh1t"' }],
    hidden_by_flags: false,
    flags: [],
    revisions: [],
  });
  t.notOk(all.body.includes(ann.email), 'moderators do not see e-mail addresses');
  t.same((await queue(`?article=${two.slug}`)).json().data.map((c: { id: string }) => c.id), [held[1].id]);
  t.same((await queue(`?reader=${bob.id}`)).json().data.map((c: { id: string }) => c.id), [held[1].id, held[2].id]);
  t.same((await queue('?rule=personal-attack')).json().data.map((c: { id: string }) => c.id), [held[2].id]);
  t.same((await queue('?queue=flagged')).json().data, []);
  const page = await queue('?limit=2');
  t.equal(page.json().data.length, 2);
  t.same((await queue(`?limit=2&cursor=${page.json().next_cursor}`)).json().data.map((c: { id: string }) => c.id), [held[2].id]);
  t.equal((await queue('?rule=nonsense')).statusCode, 400);
});

t.test('decisions follow the status table; illegal moves are 409 and change nothing', async (t) => {
  const ctx = await buildTestApp(t);
  const moderator = await ctx.keyFor('moderator');
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const comment = await postComment(ctx, reader, article.id, { body: 'what sh1t' });
  const decide = (decision: string, reason = 'because') =>
    ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${comment.id}/decision`, headers: moderator, payload: { decision, reason } });
  const commentCount = async () => (await ctx.inject({ url: `/v1/articles/${article.id}` })).json().comment_count;

  const approved = await decide('approve', 'Quoting a headline');
  t.equal(approved.statusCode, 200);
  t.match(approved.json(), { id: comment.id, status: 'approved', verdicts: [{ code: 'profanity' }] });
  t.equal(await commentCount(), 1);
  const twice = await decide('approve');
  t.equal(twice.statusCode, 409);
  t.match(twice.json(), { code: 'illegal-transition', detail: 'A comment that is approved cannot become approved' });

  t.equal((await decide('spam')).json().status, 'spam');
  t.equal(await commentCount(), 0);
  t.equal((await decide('reject')).json().status, 'rejected');
  t.equal((await decide('delete')).json().status, 'deleted');
  for (const decision of ['approve', 'reject', 'spam', 'delete']) {
    t.equal((await decide(decision)).statusCode, 409, `nothing leaves deleted (${decision})`);
  }
  t.equal(await commentCount(), 0);

  const bad = await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${comment.id}/decision`, headers: moderator, payload: { decision: 'publish' } });
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors, [{ field: 'decision' }, { field: 'reason' }]);
  const missing = await ctx.inject({ method: 'POST', url: '/v1/moderation/comments/01900000-0000-7000-8000-000000000000/decision', headers: moderator, payload: { decision: 'approve', reason: 'x' } });
  t.equal(missing.statusCode, 404);
});

t.test('blocking: until lifted, or until a time; the block shows to the reader', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock });
  const moderator = await ctx.keyFor('moderator');
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const block = (payload: object) => ctx.inject({ method: 'POST', url: `/v1/moderation/readers/${reader.id}/block`, headers: moderator, payload });
  const unblock = (query = '') => ctx.inject({ method: 'DELETE', url: `/v1/moderation/readers/${reader.id}/block${query}`, headers: moderator });
  const canPost = async () =>
    (await ctx.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: reader.headers, payload: { body: `Hello ${clock()}` } })).statusCode;

  const blocked = await block({ reason: 'Personal attacks' });
  t.equal(blocked.statusCode, 200);
  t.match(blocked.json(), { id: reader.id, status: 'blocked', block: { reason: 'Personal attacks', until: null, since: '2026-11-28T09:00:00.000Z' } });
  t.notOk('email' in blocked.json());
  t.match((await ctx.inject({ url: '/v1/readers/me', headers: reader.headers })).json(), { status: 'blocked', block: { reason: 'Personal attacks' } });
  t.equal(await canPost(), 403);
  clock.advance(365 * 24 * 3600_000);
  t.equal(await canPost(), 403, 'a block without an end lasts');
  const lifted = await unblock('?reason=Apologised');
  t.equal(lifted.statusCode, 200);
  t.match(lifted.json(), { status: 'active', block: null });
  t.equal(await canPost(), 201);
  t.equal((await unblock()).statusCode, 409, 'not blocked');

  t.equal((await block({ reason: 'Cool down', until: '2020-01-01T00:00:00Z' })).statusCode, 400, 'until must be in the future');
  const timed = await block({ reason: 'Cool down', until: new Date(clock() + 3600_000).toISOString() });
  t.match(timed.json().block, { reason: 'Cool down', until: new Date(clock() + 3600_000).toISOString() });
  t.equal(await canPost(), 403);
  clock.advance(3600_000);
  t.equal(await canPost(), 201, 'the block ends by itself');
  t.equal((await ctx.inject({ url: '/v1/readers/me', headers: reader.headers })).json().status, 'active');
  t.equal((await unblock()).statusCode, 409, 'an expired block is no block');

  t.equal((await ctx.inject({ method: 'POST', url: '/v1/moderation/readers/nobody/block', headers: moderator, payload: { reason: 'x' } })).statusCode, 404);
  t.equal((await block({})).statusCode, 400);
});

t.test('the moderation log records every decision and block, by whom and why, and cannot be changed', async (t) => {
  const clock = testClock();
  const ctx = await buildTestApp(t, { clock, env: { COMMENTS_FLAG_THRESHOLD: '1' } });
  const moderatorKey = await ctx.inject({ method: 'POST', url: '/v1/keys', headers: ctx.admin, payload: { name: 'night desk', role: 'moderator' } });
  const moderator = { authorization: `Bearer ${moderatorKey.json().secret}` };
  const article = await createArticle(ctx, { status: 'published' });
  const reader = await createReader(ctx);
  const flagger = await createReader(ctx);
  const held = await postComment(ctx, reader, article.id, { body: 'what sh1t' });
  const rejected = await postComment(ctx, reader, article.id, { body: 'kys' });
  const published = await postComment(ctx, reader, article.id);
  await ctx.inject({ method: 'POST', url: `/v1/comments/${published.id}/flags`, headers: flagger.headers, payload: { reason: 'spam' } });
  await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${held.id}/decision`, headers: moderator, payload: { decision: 'approve', reason: 'A quote' } });
  await ctx.inject({ method: 'POST', url: `/v1/moderation/readers/${reader.id}/block`, headers: moderator, payload: { reason: 'Death wish', until: '2026-12-28T09:00:00Z' } });
  await ctx.inject({ method: 'DELETE', url: `/v1/moderation/readers/${reader.id}/block`, headers: moderator });

  const log = await ctx.inject({ url: '/v1/moderation/log', headers: moderator });
  t.equal(log.statusCode, 200);
  const entries = log.json().data;
  const keyId = moderatorKey.json().id;
  t.match(entries, [
    { action: 'unblock', actor: { kind: 'moderator', id: keyId }, reader_id: reader.id, reason: 'Block lifted by a moderator', comment_id: null },
    { action: 'block', actor: { kind: 'moderator', id: keyId }, reader_id: reader.id, reason: 'Death wish', until: '2026-12-28T09:00:00.000Z' },
    { action: 'approve', actor: { kind: 'moderator', id: keyId }, comment_id: held.id, from_status: 'pending', to_status: 'approved', reason: 'A quote' },
    { action: 'hide', actor: { kind: 'system' }, comment_id: published.id, from_status: 'approved', to_status: 'pending' },
    { action: 'reject', actor: { kind: 'policy', id: null }, comment_id: rejected.id, from_status: null, to_status: 'rejected', verdicts: [{ code: 'death-wish' }] },
    { action: 'hold', actor: { kind: 'policy' }, comment_id: held.id, article_id: article.id, to_status: 'pending', verdicts: [{ code: 'profanity', detail: 'matched "sh1t"' }] },
  ]);
  t.equal(entries.length, 6, 'automatic approvals are not logged: the comment itself says so');
  t.same((await ctx.inject({ url: `/v1/moderation/log?action=block`, headers: moderator })).json().data.length, 1);
  t.same((await ctx.inject({ url: `/v1/moderation/log?comment=${held.id}`, headers: moderator })).json().data.map((e: { action: string }) => e.action), ['approve', 'hold']);
  const paged = await ctx.inject({ url: '/v1/moderation/log?limit=4', headers: moderator });
  const rest = await ctx.inject({ url: `/v1/moderation/log?limit=4&cursor=${paged.json().next_cursor}`, headers: moderator });
  t.equal(rest.json().data.length, 2);

  t.throws(() => ctx.database.sqlite.prepare("update moderation_log set reason = 'nothing happened'").run(), /append-only/);
  t.throws(() => ctx.database.sqlite.prepare('delete from moderation_log').run(), /append-only/);
  const del = await ctx.inject({ method: 'DELETE', url: `/v1/articles/${article.id}`, headers: ctx.admin });
  t.equal(del.statusCode, 204, 'deleting an article takes its comments but leaves the log');
  t.equal((await ctx.inject({ url: '/v1/moderation/log', headers: moderator })).json().data.length, 6);
});
