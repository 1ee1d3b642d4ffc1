import t from 'tap';
import { createArticle, createReader, postComment } from '../../factories.js';
import { buildTestApp } from '../../helper.js';

t.test('enough flags hide a comment and queue it for review; a decision resolves them', async (t) => {
  const ctx = await buildTestApp(t, { env: { COMMENTS_FLAG_THRESHOLD: '2' } });
  const article = await createArticle(ctx, { status: 'published' });
  const author = await createReader(ctx);
  const [first, second, third] = [await createReader(ctx), await createReader(ctx), await createReader(ctx)];
  const moderator = await ctx.keyFor('moderator');
  const comment = await postComment(ctx, author, article.id, { body: 'Everyone from that town is a thief.' });
  const flag = (reader: { headers: Record<string, string> }, payload: object = { reason: 'abusive' }) =>
    ctx.inject({ method: 'POST', url: `/v1/comments/${comment.id}/flags`, headers: reader.headers, payload });

  const res = await flag(first, { reason: 'abusive', note: 'Generalises about a whole town' });
  t.equal(res.statusCode, 201);
  t.match(res.json(), { comment_id: comment.id, reason: 'abusive', note: 'Generalises about a whole town', created_at: /Z$/ });
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}/comments` })).json().data.length, 1, 'one flag: still public');
  const again = await flag(first);
  t.equal(again.statusCode, 409, 'one flag per reader and comment');
  t.equal(again.json().code, 'already-flagged');

  t.equal((await flag(second, { reason: 'offensive' })).statusCode, 201);
  t.same((await ctx.inject({ url: `/v1/articles/${article.id}/comments` })).json().data, [], 'the threshold hides it');
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}` })).json().comment_count, 0);
  t.equal((await flag(third, { reason: 'spam' })).statusCode, 201, 'a hidden comment may still be flagged');

  const queue = (await ctx.inject({ url: '/v1/moderation/comments?queue=flagged', headers: moderator })).json().data;
  t.equal(queue.length, 1);
  t.match(queue[0], { id: comment.id, status: 'pending', hidden_by_flags: true });
  t.same(queue[0].flags.map((f: { reason: string }) => f.reason), ['abusive', 'offensive', 'spam']);
  const log = (await ctx.inject({ url: `/v1/moderation/log?comment=${comment.id}`, headers: moderator })).json().data;
  t.match(log, [{ action: 'hide', actor: { kind: 'system', id: null }, from_status: 'approved', to_status: 'pending', reason: "Hidden for review after 2 readers' flags (abusive, offensive)" }]);

  const decided = await ctx.inject({ method: 'POST', url: `/v1/moderation/comments/${comment.id}/decision`, headers: moderator, payload: { decision: 'approve', reason: 'Harsh but within the rules' } });
  t.match(decided.json(), { status: 'approved', hidden_by_flags: false, flags: [] });
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}/comments` })).json().data.length, 1);
  t.equal((await ctx.inject({ url: '/v1/moderation/comments?queue=flagged', headers: moderator })).json().data.length, 0);
  t.equal((await flag(first)).statusCode, 409, 'resolved flags still count as given');
  const fresh = await createReader(ctx);
  t.equal((await flag(fresh)).statusCode, 201);
  t.equal((await ctx.inject({ url: `/v1/articles/${article.id}/comments` })).json().data.length, 1, 'old flags do not count towards hiding it again');
});

t.test('flag rules: a reason, not one’s own comment, only visible comments, not while blocked', async (t) => {
  const ctx = await buildTestApp(t);
  const article = await createArticle(ctx, { status: 'published' });
  const author = await createReader(ctx);
  const reader = await createReader(ctx);
  const moderator = await ctx.keyFor('moderator');
  const comment = await postComment(ctx, author, article.id);
  const held = await postComment(ctx, author, article.id, { body: 'what sh1t' });
  const flag = (id: string, headers: Record<string, string>, payload: object = { reason: 'spam' }) =>
    ctx.inject({ method: 'POST', url: `/v1/comments/${id}/flags`, headers, payload });

  const noReason = await flag(comment.id, reader.headers, {});
  t.equal(noReason.statusCode, 400);
  t.match(noReason.json().errors, [{ field: 'reason' }]);
  const other = await flag(comment.id, reader.headers, { reason: 'other' });
  t.equal(other.statusCode, 400);
  t.match(other.json().errors, [{ field: 'note', message: 'is required when the reason is "other"' }]);
  t.equal((await flag(comment.id, author.headers)).statusCode, 403, 'not one’s own comment');
  t.equal((await flag(held.id, reader.headers)).statusCode, 404, 'a comment the reader cannot see');
  t.equal((await flag('01900000-0000-7000-8000-000000000000', reader.headers)).statusCode, 404);
  t.equal((await flag(comment.id, moderator)).statusCode, 403, 'staff keys do not flag');

  await ctx.inject({ method: 'POST', url: `/v1/moderation/readers/${reader.id}/block`, headers: moderator, payload: { reason: 'Flag abuse' } });
  const blocked = await flag(comment.id, reader.headers);
  t.equal(blocked.statusCode, 403);
  t.equal(blocked.json().code, 'reader-blocked');
  t.equal((ctx.database.sqlite.prepare('select count(*) as n from comment_flags').get() as { n: number }).n, 0);
});
